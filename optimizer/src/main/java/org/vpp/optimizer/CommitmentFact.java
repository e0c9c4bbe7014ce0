package org.vpp.optimizer;

/** An accepted bid, pinned: the node's net energy in the slot must be {@code netMwh ± toleranceMwh}. */
record CommitmentFact(int nodeIndex, String nodeId, int slot, double netMwh, double toleranceMwh) {
}
