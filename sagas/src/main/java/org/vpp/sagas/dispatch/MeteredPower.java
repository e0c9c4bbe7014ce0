package org.vpp.sagas.dispatch;

/** A device's mean metered power over a slot (MW, positive = injection) and how many readings it is the mean of. */
public record MeteredPower(String assetId, double meanMw, int readings) {
}
