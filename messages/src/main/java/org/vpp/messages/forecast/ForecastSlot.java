package org.vpp.messages.forecast;

import java.time.Instant;

/**
 * One step of a forecast: the slot's start, the forecast value, its P10/P50/P90 (null for forecasts issued without
 * a band) and, once measured, the actual (the mean of the readings in the slot, or the price); null while unknown.
 */
public record ForecastSlot(Instant start, double value, Double p10, Double p50, Double p90, Double actual) {
}
