package org.vpp.optimizer;

/** The market's block products: the net energy of node {@code nodeIndex} (the fleet) is one quantity per block. */
record BlockFact(int nodeIndex, int slots, double toleranceMwh) {

    int blockOf(int slot) {
        return slot / slots;
    }
}
