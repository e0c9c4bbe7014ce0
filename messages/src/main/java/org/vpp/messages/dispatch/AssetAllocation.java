package org.vpp.messages.dispatch;

import org.vpp.kernel.Megawatts;

/** The part of a manual request given to one asset, with its merit (marginal cost) and the headroom it had. */
public record AssetAllocation(String assetId, Megawatts power, double marginalCostEurPerMwh, Megawatts headroom) {
}
