package org.vpp.optimizer.model;

/**
 * A market that trades the fleet's position in blocks: in each aligned window of {@code slots} slots (four
 * quarter-hours: an hourly product) the fleet's net power is one quantity, within {@code toleranceMw} (the market's
 * volume step). {@link #NONE}: every slot is a product of its own.
 */
public record BlockProducts(int slots, double toleranceMw) {

    public static final BlockProducts NONE = new BlockProducts(1, 0.0);

    public BlockProducts {
        if (slots < 1 || !(toleranceMw >= 0) || Double.isInfinite(toleranceMw)) {
            throw new IllegalArgumentException("block products: need at least 1 slot per block and a finite tolerance >= 0");
        }
    }

    public boolean active() {
        return slots > 1;
    }

    public int blockOf(int slot) {
        return slot / slots;
    }
}
