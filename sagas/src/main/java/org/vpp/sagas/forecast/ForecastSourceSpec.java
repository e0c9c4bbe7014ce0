package org.vpp.sagas.forecast;

import java.util.Objects;

import org.vpp.forecast.value.Source;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.forecast.ForecastSourceId;

/**
 * A source to forecast: its id, what the forecasting library needs to know about it, and where its history is
 * read: a device's telemetry, or a market zone's prices.
 *
 * @param device the device whose telemetry is the history; null for a price source
 * @param zone   the market zone of a price source; null for a device
 */
public record ForecastSourceSpec(ForecastSourceId id, Source source, AssetId device, String zone) {

    public ForecastSourceSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        if ((device == null) == (zone == null)) throw new IllegalArgumentException("either a device or a zone");
    }
}
