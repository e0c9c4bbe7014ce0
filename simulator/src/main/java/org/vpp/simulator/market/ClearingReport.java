package org.vpp.simulator.market;

import java.time.LocalDate;

/** What happened when clearing a delivery day was asked for. */
public record ClearingReport(LocalDate deliveryDay, ClearingStatus status, int bidsCleared, String reason) {

    public enum ClearingStatus {
        CLEARED,
        ALREADY_CLEARED,
        GATE_STILL_OPEN,
        PRICES_MISSING
    }
}
