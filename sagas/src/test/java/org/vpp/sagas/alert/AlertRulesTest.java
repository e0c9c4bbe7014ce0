package org.vpp.sagas.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vpp.messages.alert.AlertId;
import org.vpp.messages.alert.AlertKind;
import org.vpp.messages.alert.ClearAlert;
import org.vpp.messages.alert.RaiseAlert;
import org.vpp.messages.bid.BidStatus;
import org.vpp.sagas.port.AlertFacts;

/** Each built-in alert's condition, at its threshold and either side of it, and the commands that reconcile them. */
class AlertRulesTest {

    private static final Instant NOW = Instant.parse("2026-06-16T12:30:00Z");
    private static final Instant GATE = Instant.parse("2026-06-16T10:00:00Z");
    private static final AlertSettings SETTINGS = new AlertSettings(Duration.ofMinutes(1), Duration.ofMinutes(5), 0.1, 0.2, 1000, 0.05);

    private static AlertRules.Observed seen() {
        return new AlertRules.Observed(NOW, List.of(), List.of(), List.of(), List.of(), Map.of(), List.of());
    }

    private static List<AlertId> ids(AlertRules.Observed seen) {
        return AlertRules.conditions(seen, SETTINGS).stream().map(AlertRules.Condition::id).toList();
    }

    @Test
    void nothingObservedRaisesNothing() {
        assertThat(AlertRules.conditions(seen(), SETTINGS)).isEmpty();
    }

    @Test
    void aFaultedAssetIsAnAlertNamingItAndItsReason() {
        var seen = new AlertRules.Observed(NOW, List.of(new AlertFacts.FaultedAsset("bat-a1", "Battery A1", "inverter trip")),
                List.of(), List.of(), List.of(), Map.of(), List.of());
        var conditions = AlertRules.conditions(seen, SETTINGS);
        assertThat(conditions).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(AlertId.of(AlertKind.ASSET_FAULT, "bat-a1"));
            assertThat(c.message()).contains("bat-a1", "Battery A1", "FAULT", "inverter trip");
        });
    }

    @Test
    void aSiteIsSilentOnlyWhenNoneOfItsExpectedDevicesReported() {
        var seen = new AlertRules.Observed(NOW, List.of(), List.of(
                new AlertFacts.SiteTelemetry("site-a", "Site A", 3, 0, NOW.minus(Duration.ofMinutes(9))),
                new AlertFacts.SiteTelemetry("site-b", "Site B", 3, 1, NOW),
                new AlertFacts.SiteTelemetry("site-c", "Site C", 0, 0, null)), List.of(), List.of(), Map.of(), List.of());
        assertThat(ids(seen)).containsExactly(AlertId.of(AlertKind.SITE_SILENT, "site-a"));
        assertThat(AlertRules.conditions(seen, SETTINGS).getFirst().message()).contains("none of its 3 devices", "5m");
    }

    @Test
    void aGateClosureIsMissedWithoutASubmittedBidOnceJudged() {
        LocalDate day = LocalDate.parse("2026-06-17");
        var aborted = new AlertFacts.CycleOutcome(BidStatus.ABORTED, null, "no online device");
        var submitted = new AlertFacts.CycleOutcome(BidStatus.ACCEPTED, GATE.minusSeconds(600), null);
        var before = GATE.minus(Duration.ofDays(1));
        assertThat(ids(gate(new AlertRules.Gate("DE-LU", day, GATE, null, before))))
                .containsExactly(AlertId.of(AlertKind.GATE_CLOSURE_MISSED, "DE-LU"));
        assertThat(AlertRules.conditions(gate(new AlertRules.Gate("DE-LU", day, GATE, aborted, before)), SETTINGS).getFirst().message())
                .contains("aborted: no online device", "2026-06-17");
        assertThat(ids(gate(new AlertRules.Gate("DE-LU", day, GATE, submitted, before)))).isEmpty();
        assertThat(ids(gate(new AlertRules.Gate("DE-LU", day, GATE, null, GATE)))).as("not judged: watching began at the gate").isEmpty();
        assertThat(ids(gate(new AlertRules.Gate("DE-LU", day, GATE, null, null)))).isEmpty();
    }

    private static AlertRules.Observed gate(AlertRules.Gate gate) {
        return new AlertRules.Observed(NOW, List.of(), List.of(), List.of(gate), List.of(), Map.of(), List.of());
    }

    @Test
    void aDeviationAlarmsBeyondTheLargerOfItsShareAndItsFloor() {
        var seen = new AlertRules.Observed(NOW, List.of(), List.of(), List.of(), List.of(
                new AlertFacts.SlotDeviation("d-big", NOW, 10, 8.9, -1.1),       // limit 1.0: alarms
                new AlertFacts.SlotDeviation("d-edge", NOW, 10, 9.0, -1.0),      // exactly at the limit: quiet
                new AlertFacts.SlotDeviation("d-small", NOW, 1, 0.85, -0.15),    // share 0.1 but floor 0.2: quiet
                new AlertFacts.SlotDeviation("d-floor", NOW, 1, 0.7, -0.3)),     // beyond the floor: alarms
                Map.of(), List.of());
        assertThat(ids(seen)).containsExactly(AlertId.of(AlertKind.DISPATCH_DEVIATION, "d-big"),
                AlertId.of(AlertKind.DISPATCH_DEVIATION, "d-floor"));
        assertThat(AlertRules.conditions(seen, SETTINGS).getFirst()).satisfies(c -> {
            assertThat(c.value()).isEqualTo(1.1, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(c.threshold()).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        });
    }

    @Test
    void lagAndGapAlarmAboveTheirLimits() {
        var seen = new AlertRules.Observed(NOW, List.of(), List.of(), List.of(), List.of(),
                Map.of("fleet", 1001L, "bids", 1000L), List.of(new AlertFacts.ScheduleGap("DE-LU", "DE-LU:2026-06-17", NOW, 0.07),
                new AlertFacts.ScheduleGap("FR", "FR:2026-06-17", NOW, 0.05)));
        assertThat(ids(seen)).containsExactly(AlertId.of(AlertKind.PROCESSOR_LAG, "fleet"), AlertId.of(AlertKind.OPTIMIZER_GAP, "DE-LU"));
    }

    @Test
    void reconcilingRaisesWhatIsNewAndClearsWhatEnded() {
        AlertId fault = AlertId.of(AlertKind.ASSET_FAULT, "bat-a1");
        AlertId lag = AlertId.of(AlertKind.PROCESSOR_LAG, "fleet");
        AlertId gap = AlertId.of(AlertKind.OPTIMIZER_GAP, "DE-LU");
        var conditions = List.of(new AlertRules.Condition(fault, "f", null, null), new AlertRules.Condition(lag, "l", 2000.0, 1000.0));
        List<Object> commands = AlertRules.reconcile(conditions, List.of(gap, lag), NOW);
        assertThat(commands).containsExactly(new RaiseAlert(fault, NOW, "f", null, null),
                new ClearAlert(gap, NOW, "zone DE-LU: the latest schedule is within the gap limit"));
        assertThat(AlertRules.reconcile(conditions, List.of(fault, lag), NOW)).as("a steady state sends nothing").isEmpty();
    }
}
