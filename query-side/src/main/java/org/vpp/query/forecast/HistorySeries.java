package org.vpp.query.forecast;

import java.util.Objects;
import org.vpp.kernel.TimeSeries;

/**
 * A regular series read from telemetry: value {@code i} of {@code series} is the mean power (MW) of the readings
 * in its slot.
 *
 * @param filledSlots slots without readings inside the series, filled with the value before them
 */
public record HistorySeries(TimeSeries series, int filledSlots) {

    public HistorySeries {
        Objects.requireNonNull(series, "series");
    }
}
