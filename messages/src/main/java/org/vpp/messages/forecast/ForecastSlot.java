package org.vpp.messages.forecast;

import java.time.Instant;

/**
 * One step of a forecast: the slot's start, the forecast value and, once measured, the actual (the mean of the
 * readings in the slot); null while unknown.
 */
public record ForecastSlot(Instant start, double value, Double actual) {
}
