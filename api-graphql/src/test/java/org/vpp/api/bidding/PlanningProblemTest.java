package org.vpp.api.bidding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.bid.SlotFlexibility;
import org.vpp.messages.forecast.ForecastId;
import org.vpp.messages.forecast.ForecastSourceId;
import org.vpp.optimizer.model.Battery;
import org.vpp.optimizer.model.Problem;
import org.vpp.query.forecast.ForecastStore;

/** From a fleet snapshot and forecasts to the optimizer's problem and the fleet's flexibility: pure, by example. */
class PlanningProblemTest {

    static final Instant START = Instant.parse("2026-06-16T22:00:00Z");
    static final Duration SLOT = Duration.ofMinutes(15);

    static FleetSnapshot fleet(Double soc) {
        TechnicalLimits battery = new TechnicalLimits(-2.0, 1.5, 4.0, 0.95, 0.9, null, 0.1, 0.9, 0.2, null);
        TechnicalLimits pv = new TechnicalLimits(0.0, 1.0, null, null, null, null, null, null, null, null);
        TechnicalLimits load = new TechnicalLimits(-0.8, -0.1, null, null, null, null, null, null, null, null);
        return new FleetSnapshot(START, List.of(
                new FleetSnapshot.Device("bat", AssetKind.BATTERY, "site", battery, soc, START),
                new FleetSnapshot.Device("load", AssetKind.LOAD, "site", load, null, null),
                new FleetSnapshot.Device("pv", AssetKind.PV, "site", pv, null, null)),
                List.of(new FleetSnapshot.Group("site", AssetKind.SITE, "region", 2.5),
                        new FleetSnapshot.Group("region", AssetKind.REGION, null, null)),
                Map.of("bat-2", "status OFFLINE"));
    }

    static DeviceForecasts forecasts() {
        return new DeviceForecasts(START, SLOT, 2, List.of(
                new DeviceForecasts.Series("pv", "pv:pv@x", "m", false, new double[]{0.4, 1.7}),
                new DeviceForecasts.Series("load", "meter:load@x", "seasonal-naive", true, new double[]{0.3, 0.5})));
    }

    @Test
    void aGeneratorIsPlannedWithinItsRegisteredRampFromAnOffStateAndWithoutOtherCommitmentRules() {
        TechnicalLimits limits = TechnicalLimits.power(0.5, 2.0, 0.02);
        FleetSnapshot withGenerator = new FleetSnapshot(START, List.of(
                new FleetSnapshot.Device("gen", AssetKind.GENERATOR, "site", limits, null, null)),
                List.of(new FleetSnapshot.Group("site", AssetKind.SITE, null, null)), Map.of());
        Problem p = PlanningProblem.problem(withGenerator, new DeviceForecasts(START, SLOT, 2, List.of()),
                List.of(50.0, 70.0), 90);
        assertThat(p.generators()).singleElement().satisfies(g -> {
            assertThat(g.minMw()).isEqualTo(0.5);
            assertThat(g.maxMw()).isEqualTo(2.0);
            assertThat(g.rampMwPerMin()).isEqualTo(0.02);
            assertThat(g.rampPerSlotMw(15)).as("0.3 MW per quarter-hour").isCloseTo(0.3, within(1e-12));
            assertThat(g.minUpSlots()).isEqualTo(1);
            assertThat(g.startUpCostEur()).isZero();
            assertThat(g.initiallyOn()).isFalse();
        });
    }

    @Test
    void batteriesStartFromTheirLastStateOfChargeAndRenewablesAreCappedAtTheirLimit() {
        Problem p = PlanningProblem.problem(fleet(0.75), forecasts(), List.of(50.0, 70.0), 90);
        Battery b = p.batteries().getFirst();
        assertThat(b.initialSocMwh()).isCloseTo(3.0, within(1e-9));
        assertThat(b.usableFloorMwh()).as("reserve above min SoC").isCloseTo(0.8, within(1e-9));
        assertThat(b.socMaxMwh()).isCloseTo(3.6, within(1e-9));
        assertThat(b.maxChargeMw()).isEqualTo(2.0);
        assertThat(b.maxDischargeMw()).isEqualTo(1.5);
        assertThat(b.terminalTargetMwh()).as("ends where it started").isCloseTo(3.0, within(1e-9));
        assertThat(b.terminalValueEurPerMwh()).as("the day's mean price").isCloseTo(60.0, within(1e-9));
        assertThat(p.renewables().getFirst().forecastMw()).containsExactly(0.4, 1.0);
        assertThat(p.loads().getFirst().minConsumptionMw()).containsExactly(0.3, 0.5);
        assertThat(p.nodes()).singleElement().satisfies(n -> {
            assertThat(n.id()).isEqualTo("site");
            assertThat(n.assetIds()).containsExactlyInAnyOrder("bat", "pv", "load");
            assertThat(n.exportLimitMw()).isEqualTo(2.5);
        });
    }

    @Test
    void aBatteryAloneBehindASmallerGridConnectionRunsAtTheConnectionsPowerAtMost() {
        TechnicalLimits big = new TechnicalLimits(-16.5, 16.5, 33.0, 0.95, 0.95, null, 0.1, 0.9, 0.0, null);
        FleetSnapshot alone = new FleetSnapshot(START, List.of(new FleetSnapshot.Device("bat", AssetKind.BATTERY, "site", big, 0.5, START)),
                List.of(new FleetSnapshot.Group("site", AssetKind.SITE, null, 14.025)), Map.of());
        Battery b = PlanningProblem.problem(alone, new DeviceForecasts(START, SLOT, 2, List.of()), List.of(50.0, 70.0), 90)
                .batteries().getFirst();
        assertThat(b.maxChargeMw()).isEqualTo(14.025);
        assertThat(b.maxDischargeMw()).isEqualTo(14.025);

        // With a PV plant beside it, charging at full power while the plant exports stays within the connection.
        Battery shared = PlanningProblem.problem(fleet(0.5), forecasts(), List.of(50.0, 70.0), 90).batteries().getFirst();
        assertThat(shared.maxChargeMw()).isEqualTo(2.0);
    }

    @Test
    void aFleetOfOnlyEvChargersHasNothingToPlanAndTheProblemSaysSoRatherThanBeingBuilt() {
        assertThat(PlanningProblem.plannedAssets(fleet(0.5))).isEqualTo(3);
        FleetSnapshot evOnly = new FleetSnapshot(START, List.of(new FleetSnapshot.Device("ev", AssetKind.EV_CHARGER, "site",
                null, null, null)), List.of(new FleetSnapshot.Group("site", AssetKind.SITE, null, null)), Map.of());
        assertThat(PlanningProblem.plannedAssets(evOnly)).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PlanningProblem.problem(evOnly, forecasts(), List.of(50.0, 60.0), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one asset");
    }

    @Test
    void anUnknownStateOfChargeIsTakenAsHalfFullWithinTheUsableBand() {
        assertThat(PlanningProblem.problem(fleet(null), forecasts(), List.of(50.0, 70.0), 90).batteries().getFirst()
                .initialSocMwh()).isCloseTo(2.0, within(1e-9));
        assertThat(PlanningProblem.problem(fleet(0.05), forecasts(), List.of(50.0, 70.0), 90).batteries().getFirst()
                .initialSocMwh()).as("clamped to the usable floor").isCloseTo(0.8, within(1e-9));
    }

    @Test
    void flexibilityIsTheWidestNetPowerEitherWayPerSlot() {
        Problem p = PlanningProblem.problem(fleet(0.5), forecasts(), List.of(50.0, 70.0), 90);
        List<SlotFlexibility> flex = PlanningProblem.flexibility(p, START, SLOT);
        // up: discharge 1.5 + pv 0.4 - load 0.3 = 1.6; down: charge 2.0 + load 0.3 = 2.3
        assertThat(flex.get(0).start()).isEqualTo(START);
        assertThat(flex.get(0).up().value()).isCloseTo(1.6, within(1e-9));
        assertThat(flex.get(0).down().value()).isCloseTo(2.3, within(1e-9));
        // up: 1.5 + 1.0 (capped) - 0.5 = 2.0; down: 2.0 + 0.5 = 2.5
        assertThat(flex.get(1).start()).isEqualTo(START.plus(SLOT));
        assertThat(flex.get(1).up().value()).isCloseTo(2.0, within(1e-9));
        assertThat(flex.get(1).down().value()).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void anIssuedForecastIsUsedOnTheDeliverySlotsAndContinuedDailyPastItsHorizon() {
        ForecastStore.Issued hourly = new ForecastStore.Issued(new ForecastId("price:DE-LU@t"), ForecastSourceId.of("price:DE-LU"),
                START.minus(Duration.ofHours(12)), START.minus(Duration.ofHours(2)), Duration.ofHours(1),
                "m", new double[]{1, 2, 3, 4}, null, new double[][] {{0, 1, 2, 3}, {1, 2, 3, 4}, {2, 3, 4, 5}});
        assertThat(StoredBiddingInputs.onSlots(hourly, START, SLOT, 8)).hasValueSatisfying(c -> {
            assertThat(c.values()).containsExactly(3, 3, 3, 3, 4, 4, 4, 4);
            assertThat(c.continued()).isFalse();
            double[][] band = c.band(hourly.band());
            assertThat(band[0]).as("P10 on the same slots").containsExactly(2, 2, 2, 2, 3, 3, 3, 3);
            assertThat(band[2]).as("P90 on the same slots").containsExactly(4, 4, 4, 4, 5, 5, 5, 5);
            assertThat(c.band(null)).isNull();
        });
        assertThat(StoredBiddingInputs.onSlots(hourly, START, SLOT, 9)).as("no value at that time of day")
                .isEqualTo(Optional.empty());
        assertThat(StoredBiddingInputs.onSlots(hourly, START.minus(Duration.ofHours(3)), SLOT, 4))
                .as("starts after the first slot").isEqualTo(Optional.empty());

        double[] day = new double[96];
        for (int i = 0; i < 96; i++) day[i] = i;
        ForecastStore.Issued oneDay = new ForecastStore.Issued(new ForecastId("pv:x@t"), ForecastSourceId.of("pv:x"),
                START.minus(Duration.ofHours(19)), START.minus(Duration.ofHours(19)), SLOT, "m", day, null, null);
        assertThat(StoredBiddingInputs.onSlots(oneDay, START, SLOT, 96)).hasValueSatisfying(c -> {
            assertThat(c.values()[0]).as("19 h into the forecast").isEqualTo(76);
            assertThat(c.values()[19]).as("its last value").isEqualTo(95);
            assertThat(c.values()[20]).as("past its horizon: the same time a day earlier").isEqualTo(0);
            assertThat(c.values()[95]).isEqualTo(75);
            assertThat(c.continued()).isTrue();
            assertThat(c.model("m")).contains("continued daily");
        });
    }
}
