package org.vpp.sagas.telemetry;

import org.vpp.messages.telemetry.DeviceHealth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetStatus;
import org.vpp.messages.asset.StatusOrigin;
import org.vpp.messages.asset.TelemetryLossCause;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TelemetryHealthPolicyTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Duration SILENT_AFTER = Duration.ofMinutes(10);
    private static final AssetId ID = AssetId.of("bat-1");
    /** Registered long ago, so registration never matters unless a test says so. */
    private static final Instant REGISTERED = NOW.minus(Duration.ofDays(30));

    private static List<HealthAction> assess(DeviceHealth device) {
        return TelemetryHealthPolicy.assess(List.of(device), NOW, SILENT_AFTER);
    }

    private static DeviceHealth device(AssetStatus status, StatusOrigin origin, Instant registeredAt, Instant lastReadingAt,
                                       Boolean lastAvailable) {
        return new DeviceHealth(ID, status, origin, registeredAt, lastReadingAt, lastAvailable);
    }

    private static Instant ago(Duration d) {
        return NOW.minus(d);
    }

    // ---------------------------------------------------------------- lost

    @Test
    void an_online_device_silent_longer_than_the_timeout_is_lost_as_silent_since_its_last_reading() {
        Instant last = ago(SILENT_AFTER.plusSeconds(1));

        List<HealthAction> actions = assess(device(AssetStatus.ONLINE, StatusOrigin.OPERATOR, REGISTERED, last, true));

        assertThat(actions).containsExactly(new HealthAction.Lost(ID, TelemetryLossCause.SILENT, last));
    }

    @Test
    void an_online_device_whose_last_reading_said_unavailable_is_still_lost_as_silent_once_that_reading_is_stale() {
        Instant last = ago(Duration.ofHours(1));

        List<HealthAction> actions = assess(device(AssetStatus.ONLINE, StatusOrigin.OPERATOR, REGISTERED, last, false));

        assertThat(actions).containsExactly(new HealthAction.Lost(ID, TelemetryLossCause.SILENT, last));
    }

    @Test
    void an_online_device_that_never_reported_is_lost_once_registered_longer_than_the_timeout_with_no_last_seen() {
        Instant registered = ago(SILENT_AFTER.plusSeconds(1));

        List<HealthAction> actions = assess(device(AssetStatus.ONLINE, StatusOrigin.OPERATOR, registered, null, null));

        assertThat(actions).containsExactly(new HealthAction.Lost(ID, TelemetryLossCause.SILENT, null));
    }

    @Test
    void an_online_device_that_never_reported_is_not_lost_within_the_timeout_of_its_registration() {
        Instant registered = ago(SILENT_AFTER.minusSeconds(1));

        assertThat(assess(device(AssetStatus.ONLINE, StatusOrigin.OPERATOR, registered, null, null))).isEmpty();
    }

    @Test
    void an_online_device_that_never_reported_and_was_registered_exactly_the_timeout_ago_is_not_lost_yet() {
        assertThat(assess(device(AssetStatus.ONLINE, StatusOrigin.OPERATOR, ago(SILENT_AFTER), null, null))).isEmpty();
    }

    @Test
    void an_online_device_with_a_fresh_reading_that_says_unavailable_is_lost_as_device_unavailable() {
        Instant last = ago(Duration.ofMinutes(1));

        List<HealthAction> actions = assess(device(AssetStatus.ONLINE, StatusOrigin.OPERATOR, REGISTERED, last, false));

        assertThat(actions).containsExactly(new HealthAction.Lost(ID, TelemetryLossCause.DEVICE_UNAVAILABLE, last));
    }

    @Test
    void an_online_device_with_a_fresh_available_reading_needs_nothing() {
        assertThat(assess(device(AssetStatus.ONLINE, StatusOrigin.OPERATOR, REGISTERED, ago(Duration.ofMinutes(1)), true)))
                .isEmpty();
    }

    @Test
    void a_reading_exactly_the_timeout_old_still_counts_as_fresh() {
        Instant last = ago(SILENT_AFTER);

        // not silent ...
        assertThat(assess(device(AssetStatus.ONLINE, StatusOrigin.OPERATOR, REGISTERED, last, true))).isEmpty();
        // ... judged on what it says ...
        assertThat(assess(device(AssetStatus.ONLINE, StatusOrigin.OPERATOR, REGISTERED, last, false)))
                .containsExactly(new HealthAction.Lost(ID, TelemetryLossCause.DEVICE_UNAVAILABLE, last));
        // ... and good enough to restore
        assertThat(assess(device(AssetStatus.OFFLINE, StatusOrigin.TELEMETRY, REGISTERED, last, true)))
                .containsExactly(new HealthAction.Restored(ID, last));
    }

    @Test
    void a_reading_one_millisecond_older_than_the_timeout_is_stale() {
        Instant last = ago(SILENT_AFTER.plusMillis(1));

        assertThat(assess(device(AssetStatus.ONLINE, StatusOrigin.OPERATOR, REGISTERED, last, true)))
                .containsExactly(new HealthAction.Lost(ID, TelemetryLossCause.SILENT, last));
        assertThat(assess(device(AssetStatus.OFFLINE, StatusOrigin.TELEMETRY, REGISTERED, last, true))).isEmpty();
    }

    @Test
    void devices_that_are_not_online_are_never_lost() {
        Instant stale = ago(Duration.ofHours(1));
        for (AssetStatus status : List.of(AssetStatus.OFFLINE, AssetStatus.MAINTENANCE, AssetStatus.FAULT, AssetStatus.DECOMMISSIONED)) {
            assertThat(assess(device(status, StatusOrigin.OPERATOR, REGISTERED, stale, false))).as(status.name()).isEmpty();
            assertThat(assess(device(status, StatusOrigin.OPERATOR, REGISTERED, null, null))).as(status.name()).isEmpty();
        }
    }

    // ---------------------------------------------------------------- restored

    @Test
    void a_fresh_available_reading_restores_a_device_that_telemetry_took_offline() {
        Instant last = ago(Duration.ofMinutes(1));

        List<HealthAction> actions = assess(device(AssetStatus.OFFLINE, StatusOrigin.TELEMETRY, REGISTERED, last, true));

        assertThat(actions).containsExactly(new HealthAction.Restored(ID, last));
    }

    @Test
    void a_fresh_available_reading_does_not_restore_a_device_an_operator_took_offline() {
        assertThat(assess(device(AssetStatus.OFFLINE, StatusOrigin.OPERATOR, REGISTERED, ago(Duration.ofMinutes(1)), true)))
                .isEmpty();
    }

    @Test
    void a_fresh_available_reading_does_not_restore_a_device_in_maintenance_or_fault() {
        Instant last = ago(Duration.ofMinutes(1));
        for (AssetStatus status : List.of(AssetStatus.MAINTENANCE, AssetStatus.FAULT)) {
            for (StatusOrigin origin : StatusOrigin.values()) {
                assertThat(assess(device(status, origin, REGISTERED, last, true))).as(status + " by " + origin).isEmpty();
            }
        }
    }

    @Test
    void a_stale_available_reading_does_not_restore_a_device_that_telemetry_took_offline() {
        assertThat(assess(device(AssetStatus.OFFLINE, StatusOrigin.TELEMETRY, REGISTERED, ago(Duration.ofHours(1)), true)))
                .isEmpty();
    }

    @Test
    void a_fresh_reading_that_says_unavailable_does_not_restore_a_device_that_telemetry_took_offline() {
        assertThat(assess(device(AssetStatus.OFFLINE, StatusOrigin.TELEMETRY, REGISTERED, ago(Duration.ofMinutes(1)), false)))
                .isEmpty();
    }

    @Test
    void a_device_that_telemetry_took_offline_and_never_reported_is_not_restored() {
        assertThat(assess(device(AssetStatus.OFFLINE, StatusOrigin.TELEMETRY, REGISTERED, null, null))).isEmpty();
    }

    // ---------------------------------------------------------------- batches

    @Test
    void each_device_of_a_batch_is_judged_on_its_own_in_input_order() {
        Instant fresh = ago(Duration.ofMinutes(1));
        Instant stale = ago(Duration.ofHours(1));
        AssetId silent = AssetId.of("silent");
        AssetId fine = AssetId.of("fine");
        AssetId back = AssetId.of("back");
        AssetId down = AssetId.of("down");

        List<HealthAction> actions = TelemetryHealthPolicy.assess(List.of(
                new DeviceHealth(silent, AssetStatus.ONLINE, StatusOrigin.OPERATOR, REGISTERED, stale, true),
                new DeviceHealth(fine, AssetStatus.ONLINE, StatusOrigin.OPERATOR, REGISTERED, fresh, true),
                new DeviceHealth(back, AssetStatus.OFFLINE, StatusOrigin.TELEMETRY, REGISTERED, fresh, true),
                new DeviceHealth(down, AssetStatus.ONLINE, StatusOrigin.TELEMETRY, REGISTERED, fresh, false)), NOW, SILENT_AFTER);

        assertThat(actions).containsExactly(
                new HealthAction.Lost(silent, TelemetryLossCause.SILENT, stale),
                new HealthAction.Restored(back, fresh),
                new HealthAction.Lost(down, TelemetryLossCause.DEVICE_UNAVAILABLE, fresh));
    }

    @Test
    void an_empty_fleet_needs_nothing() {
        assertThat(TelemetryHealthPolicy.assess(List.of(), NOW, SILENT_AFTER)).isEmpty();
    }
}
