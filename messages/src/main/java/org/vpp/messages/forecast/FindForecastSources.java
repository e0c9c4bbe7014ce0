package org.vpp.messages.forecast;

/** Every source that has been trained at least once: a list of {@link ForecastSourceView}, ordered by id. */
public record FindForecastSources() {
}
