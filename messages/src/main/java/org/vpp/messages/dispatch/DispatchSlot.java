package org.vpp.messages.dispatch;

import java.time.Instant;

import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;

/**
 * What a dispatch promises in one slot at its node: the target power (positive = injection) and, for a market
 * dispatch, the price it cleared at (null for a manual one).
 */
public record DispatchSlot(Instant start, Megawatts target, EurPerMwh clearingPrice) {
}
