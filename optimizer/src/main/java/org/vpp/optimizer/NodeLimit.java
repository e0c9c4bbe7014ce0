package org.vpp.optimizer;

/** The grid-connection limits of a node, as energy per slot (MWh). */
record NodeLimit(int nodeIndex, String nodeId, double importMwh, double exportMwh) {
}
