package org.vpp.messages.bid;

import org.vpp.messages.forecast.ForecastId;

/**
 * The issued forecast a cycle used: its id (its values live in the forecast table), the model that made it, the
 * SHA-256 of its values as read, and whether it was a fallback (seasonal naive) standing in for a missing or stale
 * forecast.
 */
public record ForecastReference(ForecastId forecastId, String model, String sha256, boolean fallback) {
}
