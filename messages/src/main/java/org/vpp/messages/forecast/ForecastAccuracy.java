package org.vpp.messages.forecast;

import java.util.List;

/**
 * How an issued forecast turned out over the steps whose actuals are known: its mean absolute error, and the share
 * of actuals inside its P10-P90 band over the steps the forecast called uncertain (a band without width, PV at night
 * held at zero by physics, says nothing of calibration, whatever a meter reads there).
 *
 * @param mae      null when no step has an actual
 * @param coverage null without a band or without an uncertain step
 */
public record ForecastAccuracy(Double mae, int steps, Double coverage) {

    /** {@code actuals[k]} is step k's actual, null while unknown. */
    public static ForecastAccuracy of(List<ForecastSlot> slots, Double[] actuals) {
        double sum = 0;
        int known = 0;
        int uncertain = 0;
        int inside = 0;
        for (int k = 0; k < Math.min(slots.size(), actuals.length); k++) {
            ForecastSlot slot = slots.get(k);
            Double actual = actuals[k];
            if (actual == null) continue;
            sum += Math.abs(actual - slot.value());
            known++;
            if (slot.p10() == null || slot.p90() == null) continue;
            if (slot.p10().equals(slot.p90())) continue;
            uncertain++;
            if (actual >= slot.p10() && actual <= slot.p90()) inside++;
        }
        return new ForecastAccuracy(known == 0 ? null : sum / known, known,
                uncertain == 0 ? null : (double) inside / uncertain);
    }
}
