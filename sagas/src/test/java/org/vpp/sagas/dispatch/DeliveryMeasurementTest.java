package org.vpp.sagas.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.dispatch.DeviationCause;
import org.vpp.messages.dispatch.DispatchKind;

/**
 * One slot's delivery and its causes, worked by hand. Every plan here has one slot of 15 minutes at 10:00 under a
 * portfolio {@code pf}; the numbers in each comment are the arithmetic the expectation was taken from.
 */
class DeliveryMeasurementTest {

    private static final Instant START = Instant.parse("2026-06-16T10:00:00Z");
    private static final double EPS = 1e-9;

    @Test
    void aMarketSlotDeliversTheMeteredSumAndNamesEachDeviationLargestFirst() {
        // target 3.0 = bat 2.0 + gen 0.5 + pv 1.0 (forecast) + load -0.5 (forecast): the plan covers it.
        var plan = market(3.0,
                Map.of("bat", 2.0, "gen", 0.5, "pv", 1.0, "load", -0.5),
                device("bat", AssetKind.BATTERY, true), device("gen", AssetKind.GENERATOR, true),
                device("pv", AssetKind.PV, false), device("load", AssetKind.LOAD, false));
        var metered = Map.of(
                "bat", new MeteredPower("bat", 1.2, 4), "gen", new MeteredPower("gen", 0.5, 4),
                "pv", new MeteredPower("pv", 1.1, 4), "load", new MeteredPower("load", -0.8, 3));

        var m = DeliveryMeasurement.measure(plan, 0, Map.of("bat", 2.0, "gen", 0.5), metered, 0, 10);

        // delivered = 1.2 + 0.5 + 1.1 - 0.8 = 2.0; readings = 4 + 4 + 4 + 3 = 15
        assertThat(m.deliveredMw()).isCloseTo(2.0, within(EPS));
        assertThat(m.readings()).isEqualTo(15);
        assertThat(m.devicesWithoutReadings()).isZero();
        assertThat(m.perAssetMw()).containsOnlyKeys("bat", "gen", "pv", "load");
        assertThat(m.perAssetMw().get("load")).isCloseTo(-0.8, within(EPS));
        // bat 1.2 - 2.0 = -0.8; load -0.8 - (-0.5) = -0.3; pv 1.1 - 1.0 = +0.1; gen 0.5 - 0.5 = 0 is not a cause.
        // They add up to the deviation: -0.8 - 0.3 + 0.1 = -1.0 = 2.0 - 3.0.
        assertCauses(m.causes(),
                cause("bat", -0.8, "delivered 1.20 MW of a 2.00 MW setpoint"),
                cause("load", -0.3, "load 0.30 MW below its forecast"),
                cause("pv", 0.1, "PV 0.10 MW above its forecast"));
    }

    @Test
    void aDeviceWithoutAReadingDeliveredNothingAndSaysSo() {
        var plan = market(2.5, Map.of("bat", 2.0, "gen", 0.5),
                device("bat", AssetKind.BATTERY, true), device("gen", AssetKind.GENERATOR, true));

        var m = DeliveryMeasurement.measure(plan, 0, Map.of("bat", 2.0, "gen", 0.5),
                Map.of("gen", new MeteredPower("gen", 0.5, 2)), 0, 10);

        // bat has no reading: 0 MW; delivered = 0 + 0.5 = 0.5; its deviation 0 - 2.0 = -2.0
        assertThat(m.deliveredMw()).isCloseTo(0.5, within(EPS));
        assertThat(m.perAssetMw()).containsEntry("bat", 0.0);
        assertThat(m.readings()).isEqualTo(2);
        assertThat(m.devicesWithoutReadings()).isEqualTo(1);
        assertCauses(m.causes(), cause("bat", -2.0, "no reading in the slot"));
    }

    @Test
    void aSlotDeliveredAsPlannedHasNoCause() {
        var plan = market(2.5, Map.of("bat", 2.0, "gen", 0.5),
                device("bat", AssetKind.BATTERY, true), device("gen", AssetKind.GENERATOR, true));

        var m = DeliveryMeasurement.measure(plan, 0, Map.of("bat", 2.0, "gen", 0.5),
                Map.of("bat", new MeteredPower("bat", 2.0, 1), "gen", new MeteredPower("gen", 0.5, 1)), 0, 10);

        assertThat(m.deliveredMw()).isCloseTo(2.5, within(EPS));
        assertThat(m.causes()).isEmpty();
    }

    @Test
    void beyondMaxCausesTheSmallerDeviationsAreSummedAsOtherDevicesWithTiesById() {
        // setpoints 1.0 each, target 4.0; deviations: a -0.5, b +0.2, c -0.5, d -0.1
        var plan = market(4.0, Map.of("a", 1.0, "b", 1.0, "c", 1.0, "d", 1.0),
                device("c", AssetKind.GENERATOR, true), device("a", AssetKind.GENERATOR, true),
                device("d", AssetKind.GENERATOR, true), device("b", AssetKind.GENERATOR, true));
        var metered = Map.of("a", new MeteredPower("a", 0.5, 1), "b", new MeteredPower("b", 1.2, 1),
                "c", new MeteredPower("c", 0.5, 1), "d", new MeteredPower("d", 0.9, 1));

        var m = DeliveryMeasurement.measure(plan, 0, Map.of("a", 1.0, "b", 1.0, "c", 1.0, "d", 1.0), metered, 0, 2);

        // a and c tie at 0.5 and are named in id order; b and d sum to 0.2 - 0.1 = 0.1
        assertCauses(m.causes(),
                cause("a", -0.5, "delivered 0.50 MW of a 1.00 MW setpoint"),
                cause("c", -0.5, "delivered 0.50 MW of a 1.00 MW setpoint"),
                cause(null, 0.1, "2 other devices"));
    }

    @Test
    void aTargetThePlanCouldNotCoverIsTheDeviationKnownAtPlanning() {
        // target 3.0 but the fleet could only be sent 2.0: -1.0 was known when the setpoints went out
        var plan = market(3.0, Map.of("bat", 2.0), device("bat", AssetKind.BATTERY, true));

        var m = DeliveryMeasurement.measure(plan, 0, Map.of("bat", 2.0),
                Map.of("bat", new MeteredPower("bat", 1.9, 1)), 0, 10);

        // bat 1.9 - 2.0 = -0.1; uncovered 2.0 - 3.0 = -1.0; together -1.1 = 1.9 - 3.0
        assertCauses(m.causes(),
                cause("bat", -0.1, "delivered 1.90 MW of a 2.00 MW setpoint"),
                cause(null, -1.0, "the plan could not cover the target"));
    }

    @Test
    void aSetpointThatWasNotSentIsExpectedAsPlanned() {
        var plan = market(2.0, Map.of("bat", 2.0), device("bat", AssetKind.BATTERY, true));

        var m = DeliveryMeasurement.measure(plan, 0, Map.of(), Map.of("bat", new MeteredPower("bat", 0.5, 1)), 0, 10);

        // expected = the plan's 2.0; 0.5 - 2.0 = -1.5; nothing uncovered: 2.0 - 2.0 = 0
        assertCauses(m.causes(), cause("bat", -1.5, "delivered 0.50 MW of a planned 2.00 MW, no setpoint sent"));
    }

    @Test
    void aManualDispatchsDeltasOnTopOfAMarketOneAreNotItsDelivery() {
        // the market setpoint 2.0 plus a manual delta 0.5: bat was sent 2.5 and delivered it
        var plan = market(2.0, Map.of("bat", 2.0), device("bat", AssetKind.BATTERY, true));

        var m = DeliveryMeasurement.measure(plan, 0, Map.of("bat", 2.5),
                Map.of("bat", new MeteredPower("bat", 2.5, 1)), 0.5, 10);

        // delivered = 2.5 - 0.5 = 2.0, on target; bat 2.5 - 2.5 = 0; uncovered (2.5 - 0.5) - 2.0 = 0: no cause
        assertThat(m.deliveredMw()).isCloseTo(2.0, within(EPS));
        assertThat(m.perAssetMw()).containsEntry("bat", 2.5);
        assertThat(m.causes()).isEmpty();
    }

    @Test
    void aManualSlotCountsWhatEachDeviceDeliveredAboveItsBase() {
        // deltas bat 1.0 on a base of 2.0, gen 0.5 on no base; target 1.5 = 1.0 + 0.5
        var plan = new DispatchPlan("manual:m1", DispatchKind.MANUAL, "pf", START, Duration.ofMinutes(15), 1,
                List.of(device("bat", AssetKind.BATTERY, true), device("gen", AssetKind.GENERATOR, true)),
                List.of(new GridGroup("pf", AssetKind.PORTFOLIO, null, null)),
                Map.of("bat", new double[]{1.0}, "gen", new double[]{0.5}), Map.of("bat", new double[]{2.0}),
                Map.of(), new double[]{1.5});

        var m = DeliveryMeasurement.measure(plan, 0, Map.of("bat", 1.0, "gen", 0.5),
                Map.of("bat", new MeteredPower("bat", 2.6, 3)), 0.7, 10);

        // bat 2.6 - 2.0 = 0.6; gen has no reading: 0; delivered 0.6 (the 0.7 of manual deltas does not apply)
        assertThat(m.deliveredMw()).isCloseTo(0.6, within(EPS));
        assertThat(m.perAssetMw().get("bat")).isCloseTo(0.6, within(EPS));
        assertThat(m.perAssetMw()).containsEntry("gen", 0.0);
        assertThat(m.readings()).isEqualTo(3);
        assertThat(m.devicesWithoutReadings()).isEqualTo(1);
        // gen 0 - 0.5 = -0.5 before bat 0.6 - 1.0 = -0.4
        assertCauses(m.causes(),
                cause("gen", -0.5, "no reading in the slot"),
                cause("bat", -0.4, "delivered 0.60 MW of a 1.00 MW setpoint above its schedule"));
    }

    @Test
    void aSlotOutsideThePlanIsRefused() {
        var plan = market(2.0, Map.of("bat", 2.0), device("bat", AssetKind.BATTERY, true));
        assertThatThrownBy(() -> DeliveryMeasurement.measure(plan, 1, Map.of(), Map.of(), 0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slot 1 is not in the plan's 1 slots");
    }

    private static DispatchPlan market(double targetMw, Map<String, Double> powerMw, DispatchDevice... devices) {
        var power = new HashMap<String, double[]>();
        powerMw.forEach((id, mw) -> power.put(id, new double[]{mw}));
        return new DispatchPlan("market:DE-LU:2026-06-16", DispatchKind.MARKET, "pf", START, Duration.ofMinutes(15),
                1, List.of(devices), List.of(new GridGroup("pf", AssetKind.PORTFOLIO, null, null)), power, Map.of(),
                Map.of(), new double[]{targetMw});
    }

    private static DispatchDevice device(String id, AssetKind kind, boolean controllable) {
        return new DispatchDevice(id, kind, List.of("pf"), TechnicalLimits.NONE, controllable, 0, null);
    }

    private record Expected(String assetId, double deviationMw, String cause) {
    }

    private static Expected cause(String assetId, double deviationMw, String cause) {
        return new Expected(assetId, deviationMw, cause);
    }

    private static void assertCauses(List<DeviationCause> actual, Expected... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            DeviationCause c = actual.get(i);
            assertThat(c.assetId()).as("cause %d's asset", i).isEqualTo(expected[i].assetId());
            assertThat(c.cause()).as("cause %d's text", i).isEqualTo(expected[i].cause());
            assertThat(c.deviation().value()).as("cause %d's deviation", i)
                    .isCloseTo(expected[i].deviationMw(), within(EPS));
        }
    }
}
