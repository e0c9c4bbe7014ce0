package org.vpp.api.alert;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.vpp.sagas.alert.AlertSettings;

/**
 * The built-in alerts (vpp.alerts.*; {@code enabled: false} turns the watch off); unset values take the defaults below, and the telemetry silence limit is the
 * watchdog's ({@code vpp.telemetry.offline-after}), the lag limit the health indicator's.
 */
@ConfigurationProperties("vpp.alerts")
public record AlertProperties(Duration checkEvery, Double deviationShare, Double deviationMinMw,
                              Double maxGap) {

    public AlertSettings settings(Duration silentAfter, long maxProcessorLag) {
        return new AlertSettings(checkEvery == null ? Duration.ofMinutes(1) : checkEvery, silentAfter,
                deviationShare == null ? 0.1 : deviationShare, deviationMinMw == null ? 0.1 : deviationMinMw,
                maxProcessorLag, maxGap == null ? 0.05 : maxGap);
    }
}
