package org.vpp.sagas.dispatch;

import java.time.Duration;
import java.util.Objects;

/**
 * How a dispatch runs, in application-clock time.
 *
 * @param sendLead     a slot's setpoints go out this long before it starts
 * @param measureGrace a slot is measured this long after it ends, so late readings are in
 * @param staleAfter   a device silent for longer is taken as not delivering (NO_TELEMETRY)
 * @param toleranceMw  a device within this of its setpoint is on target (telemetry noise, ramping)
 * @param maxCauses    the largest deviations named per slot; the rest are summed as "other devices"
 * @param settleWithin how long settlement waits for the imbalance prices after the last slot was measured; past it,
 *                     the dispatch is settled with the imbalance priced at the clearing price, and says so
 */
public record DispatchSettings(Duration sendLead, Duration measureGrace, Duration staleAfter, double toleranceMw,
                               int maxCauses, Duration settleWithin) {

    public DispatchSettings {
        Objects.requireNonNull(sendLead, "sendLead");
        Objects.requireNonNull(measureGrace, "measureGrace");
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(settleWithin, "settleWithin");
        if (sendLead.isNegative() || measureGrace.isNegative() || !staleAfter.isPositive() || settleWithin.isNegative()) {
            throw new IllegalArgumentException("dispatch durations must not be negative (staleAfter positive)");
        }
        if (!(toleranceMw >= 0) || maxCauses < 1) {
            throw new IllegalArgumentException("toleranceMw must be >= 0 and maxCauses >= 1");
        }
    }

    public static DispatchSettings defaults() {
        return new DispatchSettings(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(10), 0.01, 10,
                Duration.ofHours(6));
    }
}
