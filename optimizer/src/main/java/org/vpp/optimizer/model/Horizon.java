package org.vpp.optimizer.model;

/** The delivery horizon: {@code slotCount} consecutive slots of {@code slotMinutes} each. */
public record Horizon(int slotCount, int slotMinutes) {

    public Horizon {
        if (slotCount <= 0 || slotMinutes <= 0) {
            throw new IllegalArgumentException("slotCount and slotMinutes must be positive");
        }
    }

    /** The day-ahead default: 96 quarter-hours. */
    public static Horizon dayAheadQuarterHours() {
        return new Horizon(96, 15);
    }

    public double slotHours() {
        return slotMinutes / 60.0;
    }
}
