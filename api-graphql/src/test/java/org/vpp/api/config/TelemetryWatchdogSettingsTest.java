package org.vpp.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import org.junit.jupiter.api.Test;
import org.vpp.api.simulation.SimulationProperties;

/**
 * A demo world whose devices report less often than the watchdog's silence limit allows refuses to start: each
 * device would go offline between two of its own readings (what the first 10,000-device soak measured).
 */
class TelemetryWatchdogSettingsTest {

    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-06-16T06:00:00Z"));
    private final ProcessConfiguration configuration = new ProcessConfiguration();

    private static VppProperties offlineAfter(Duration offlineAfter) {
        return new VppProperties(null, null, new VppProperties.Telemetry(offlineAfter, Duration.ofMinutes(1), null), null);
    }

    private static SimulationProperties simulation(boolean enabled, Duration twinStep) {
        return new SimulationProperties(enabled, 60, 10, 1, twinStep, null, null, null, null, null, null, null, null,
                null, null, false, null);
    }

    @Test
    void aSilenceLimitOfOneReportingIntervalIsRefusedNamingBothSettings() {
        assertThatThrownBy(() -> configuration.telemetryWatchdog(null, null, CLOCK,
                offlineAfter(Duration.ofMinutes(5)), simulation(true, Duration.ofMinutes(5))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vpp.telemetry.offline-after (PT5M) must be at least 3 times vpp.simulation.twin-step (PT5M):"
                        + " the demo devices report once a twin step");
    }

    @Test
    void threeReportingIntervalsAreEnoughAndWithoutTheDemoWorldAnyLimitGoes() {
        assertThat(configuration.telemetryWatchdog(null, null, CLOCK, offlineAfter(Duration.ofMinutes(15)),
                simulation(true, Duration.ofMinutes(5)))).isNotNull();
        assertThat(configuration.telemetryWatchdog(null, null, CLOCK, offlineAfter(Duration.ofMinutes(1)),
                simulation(false, Duration.ofMinutes(5)))).isNotNull();
    }
}
