package org.vpp.api.bidding;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The device forecasts a cycle planned with, on the delivery slots: per PV, wind and load device its power (MW,
 * positive = production for PV and wind, positive = consumption for loads), which forecast it came from, and
 * whether it is the seasonal naive fallback for a missing or stale forecast. Stored once per cycle, referenced by
 * hash.
 */
public record DeviceForecasts(Instant start, Duration slotLength, int slots, List<Series> series) {

    public DeviceForecasts {
        series = List.copyOf(series);
    }

    /**
     * @param forecastId the issued forecast used; for a fallback, the device's meter history it was built from
     * @param model      the forecast's model, or {@code seasonal-naive} for a fallback
     */
    public record Series(String deviceId, String forecastId, String model, boolean fallback, double[] mw) {
    }
}
