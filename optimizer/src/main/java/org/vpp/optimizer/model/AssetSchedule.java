package org.vpp.optimizer.model;

import java.util.List;

/**
 * The plan of one asset: its net power per slot (MW, positive = export) and, for batteries, the state of
 * charge at the end of each slot (MWh; empty for other assets).
 */
public record AssetSchedule(String assetId, List<Double> powerMw, List<Double> socMwh) {

    public AssetSchedule {
        powerMw = List.copyOf(powerMw);
        socMwh = List.copyOf(socMwh);
    }
}
