package org.vpp.messages.dispatch;

import org.vpp.kernel.Megawatts;

/**
 * A part of a slot's deviation and its cause: a device that delivered other than its setpoint ({@code assetId}),
 * or, with no asset, what the re-dispatch could not cover or the devices without setpoints (loads) brought.
 */
public record DeviationCause(String assetId, Megawatts deviation, String cause) {
}
