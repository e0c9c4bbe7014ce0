package org.vpp.sagas.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetStatus;
import org.vpp.messages.asset.ReportTelemetryLost;
import org.vpp.messages.asset.ReportTelemetryRestored;
import org.vpp.messages.asset.StatusOrigin;
import org.vpp.messages.asset.TelemetryLossCause;
import org.vpp.messages.telemetry.DeviceHealth;
import org.vpp.sagas.clock.ProcessDriver;
import org.vpp.sagas.support.RecordingCommandBus;
import org.vpp.sagas.support.SteppingClock;

/** The watchdog as a process on the stepped application clock: it judges every device each check-every, and only then. */
class TelemetryWatchdogTest {

    static final Instant START = Instant.parse("2026-06-15T17:36:00Z");
    static final AssetId BATTERY = AssetId.of("battery-1");
    static final Duration OFFLINE_AFTER = Duration.ofMinutes(5);
    static final Duration CHECK_EVERY = Duration.ofMinutes(1);

    final SteppingClock clock = new SteppingClock(START);
    final RecordingCommandBus commands = new RecordingCommandBus().accepting(ReportTelemetryLost.class)
            .accepting(ReportTelemetryRestored.class);
    /** What the telemetry store says of the battery: ONLINE, last reading at the start. */
    final AtomicReference<DeviceHealth> battery = new AtomicReference<>(
            new DeviceHealth(BATTERY, AssetStatus.ONLINE, StatusOrigin.OPERATOR, START.minus(Duration.ofDays(1)), START, true));
    final TelemetryWatchdog watchdog = new TelemetryWatchdog(only -> List.of(battery.get()), commands.gateway(), clock,
            OFFLINE_AFTER, CHECK_EVERY, Runnable::run);
    final ProcessDriver driver = new ProcessDriver(clock, List.of(watchdog));

    @Test
    void aDeviceSilentLongerThanTheTimeoutIsReportedLostAtTheFirstCheckAfterIt() {
        for (int minute = 0; minute <= 5; minute++) {
            driver.runDue().join();
            clock.step(Duration.ofMinutes(1));
        }
        assertThat(commands.sent(ReportTelemetryLost.class)).as("silent exactly 5 minutes: not yet").isEmpty();

        driver.runDue().join(); // 6 minutes of silence
        assertThat(commands.sent(ReportTelemetryLost.class)).containsExactly(
                new ReportTelemetryLost(BATTERY, TelemetryLossCause.SILENT, START, START.plus(Duration.ofMinutes(6))));
    }

    @Test
    void betweenTwoChecksTheProcessJudgesNothing() {
        clock.step(Duration.ofMinutes(10));
        driver.runDue().join();
        assertThat(commands.sent(ReportTelemetryLost.class)).hasSize(1);
        battery.set(new DeviceHealth(BATTERY, AssetStatus.ONLINE, StatusOrigin.OPERATOR, START, START, true));

        clock.step(Duration.ofSeconds(59));
        driver.runDue().join();
        assertThat(commands.sent(ReportTelemetryLost.class)).as("59 s after the last check").hasSize(1);

        clock.step(Duration.ofSeconds(1));
        driver.runDue().join();
        assertThat(commands.sent(ReportTelemetryLost.class)).as("a minute after the last check").hasSize(2);
    }

    @Test
    void freshReadingsBringBackADeviceThatTelemetryTookOffline() {
        Instant reading = START.plus(Duration.ofMinutes(20));
        battery.set(new DeviceHealth(BATTERY, AssetStatus.OFFLINE, StatusOrigin.TELEMETRY, START, reading, true));
        clock.step(Duration.ofMinutes(21));

        driver.runDue().join();

        assertThat(commands.sent(ReportTelemetryRestored.class)).containsExactly(new ReportTelemetryRestored(BATTERY, reading));
        assertThat(commands.sent(ReportTelemetryLost.class)).isEmpty();
    }

    @Test
    void reportedDevicesAreJudgedOnTheWatchdogsOwnExecutorOnceForAllReportsWaitingThen() {
        List<Runnable> queue = new ArrayList<>();
        List<Collection<AssetId>> asked = new ArrayList<>();
        AssetId pv = AssetId.of("pv-1");
        Instant reading = START.plus(Duration.ofMinutes(20));
        var watchdog = new TelemetryWatchdog(only -> {
            asked.add(only);
            return List.of(new DeviceHealth(BATTERY, AssetStatus.OFFLINE, StatusOrigin.TELEMETRY, START, reading, true));
        }, commands.gateway(), clock, OFFLINE_AFTER, CHECK_EVERY, queue::add);
        clock.step(Duration.ofMinutes(21));

        watchdog.afterIngest(List.of(BATTERY));
        watchdog.afterIngest(List.of(pv));
        watchdog.afterIngest(List.of(BATTERY));

        assertThat(asked).as("nothing judged on the ingesting thread").isEmpty();
        assertThat(commands.sent(ReportTelemetryRestored.class)).isEmpty();
        assertThat(watchdog.idle()).isFalse();
        assertThat(queue).as("one judgement queued for the three reports").hasSize(1);

        queue.removeFirst().run();

        assertThat(asked).singleElement().satisfies(only -> assertThat(only).containsExactlyInAnyOrder(BATTERY, pv));
        assertThat(commands.sent(ReportTelemetryRestored.class)).containsExactly(new ReportTelemetryRestored(BATTERY, reading));
        assertThat(watchdog.idle()).isTrue();

        watchdog.afterIngest(List.of(pv));
        assertThat(queue).as("a report after the judgement started needs one more").hasSize(1);
    }

    @Test
    void closingStopsItsOwnExecutorAndALaterReportIsNotThrownAtTheIngestingThread() {
        var executor = java.util.concurrent.Executors.newSingleThreadExecutor();
        var watchdog = new TelemetryWatchdog(only -> List.of(battery.get()), commands.gateway(), clock, OFFLINE_AFTER,
                CHECK_EVERY, executor);

        watchdog.close();

        assertThat(executor.isShutdown()).isTrue();
        // a late ingestion during shutdown: refused by the stopped executor, never thrown at the ingesting thread
        assertThatCode(() -> watchdog.afterIngest(List.of(BATTERY))).doesNotThrowAnyException();
        assertThat(commands.sent(ReportTelemetryRestored.class)).isEmpty();
    }
}
