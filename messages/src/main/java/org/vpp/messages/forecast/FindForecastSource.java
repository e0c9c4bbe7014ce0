package org.vpp.messages.forecast;

/** One source, if it has been trained at least once: an optional {@link ForecastSourceView}. */
public record FindForecastSource(ForecastSourceId sourceId) {
}
