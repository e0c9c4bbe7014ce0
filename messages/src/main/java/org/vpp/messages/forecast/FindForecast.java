package org.vpp.messages.forecast;

import java.time.Instant;

/**
 * The forecast of a source issued latest at or before {@code issuedAt} (the latest of all when null);
 * answered with an optional {@link ForecastView}.
 */
public record FindForecast(ForecastSourceId sourceId, Instant issuedAt) {
}
