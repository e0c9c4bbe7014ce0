package org.vpp.messages.dispatch;

import org.vpp.kernel.Megawatts;

/** A device expected to miss its setpoint by {@code missing} (same sign as the setpoint's direction) and why. */
public record Shortfall(String assetId, Megawatts missing, ShortfallCause cause) {
}
