package org.vpp.sagas.dispatch;

import java.time.Instant;
import java.util.Map;

/**
 * One slot of a dispatch as measured, stored as content and read again at settlement: the target and what was
 * delivered at the dispatch's node, and per device its metered mean power (for a manual dispatch: above its base)
 * and what it was sent to deliver: for a market dispatch its setpoint plus any manual delta it followed in the slot,
 * for a manual dispatch its delta.
 */
public record SlotMeasurement(Instant start, double targetMw, double deliveredMw, Map<String, Double> perAssetMw,
                              Map<String, Double> sentMw) {

    public SlotMeasurement {
        perAssetMw = Map.copyOf(perAssetMw);
        sentMw = Map.copyOf(sentMw);
    }
}
