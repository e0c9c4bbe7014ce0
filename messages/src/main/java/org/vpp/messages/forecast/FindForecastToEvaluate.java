package org.vpp.messages.forecast;

import java.time.Duration;
import java.time.Instant;

/**
 * The oldest forecast of a source not yet evaluated whose horizon ended in {@code (horizonEndedAfter,
 * horizonEndedBy]} and that was issued at least {@code spacing} after the last one evaluated (evaluations are a
 * sample, not every five-minute forecast); answered with an optional {@link ForecastView}.
 */
public record FindForecastToEvaluate(ForecastSourceId sourceId, Duration spacing, Instant horizonEndedAfter,
                                     Instant horizonEndedBy) {
}
