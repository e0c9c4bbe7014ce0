package org.vpp.sagas.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.dispatch.DispatchKind;
import org.vpp.messages.dispatch.NodeSettlement;
import org.vpp.messages.dispatch.SlotSettlement;

/**
 * A dispatch's money worked by hand to the cent. Slots are 15 minutes (h = 0.25) from 10:00. The market fixture:
 * portfolio {@code pf} (the dispatch's node) over sites {@code s1} (battery {@code bat}) and {@code s2} (load
 * {@code load}, never sent a setpoint: its forecast is -1.0 MW in every slot).
 * <pre>
 * slot   target  bat sent  bat    load   delivered  clearing  imbalance  system
 * 10:00  2.0     3.0       3.0    -1.0   2.0        80        100        SHORT   on target
 * 10:15  2.0     3.0       2.2    -1.2   1.0        90        150        SHORT   short 1.0 MW
 * 10:30  1.0     2.0       2.3    -0.9   1.4        50.3      20         LONG    long 0.4 MW
 * </pre>
 */
class DispatchSettlementTest {

    private static final Instant T0 = Instant.parse("2026-06-16T10:00:00Z");
    private static final Instant T1 = T0.plus(Duration.ofMinutes(15));
    private static final Instant T2 = T0.plus(Duration.ofMinutes(30));
    private static final double EPS = 1e-9;

    private static final List<SlotMeasurement> MARKET_MEASURED = List.of(
            new SlotMeasurement(T0, 2.0, 2.0, Map.of("bat", 3.0, "load", -1.0), Map.of("bat", 3.0)),
            new SlotMeasurement(T1, 2.0, 1.0, Map.of("bat", 2.2, "load", -1.2), Map.of("bat", 3.0)),
            new SlotMeasurement(T2, 1.0, 1.4, Map.of("bat", 2.3, "load", -0.9), Map.of("bat", 2.0)));
    private static final List<SlotPrice> MARKET_PRICES = List.of(
            new SlotPrice(T0, 80, 100, "SHORT"), new SlotPrice(T1, 90, 150, "SHORT"),
            new SlotPrice(T2, 50.3, 20, "LONG"));

    @Test
    void aMarketDispatchEarnsTheClearingPriceForWhatItDeliveredAndSettlesDeviationsAtTheImbalancePrice() {
        var settled = DispatchSettlement.settle(marketPlan(), MARKET_MEASURED, MARKET_PRICES);

        assertThat(settled.slots()).hasSize(3);
        // 10:00 on target: revenue 2.0 x 0.25 x 80 = 40.00; imbalance 0 x (100 - 80) = 0.00
        assertSlot(settled.slots().get(0), T0, 0.5, 0.5, 0.0, "40.00", "0.00");
        // 10:15 short 1.0 MW while the system is short: revenue 1.0 x 0.25 x 90 = 22.50;
        // imbalance -0.25 MWh x (150 - 90) = -15.00 (single price: 0.5 x 90 - 0.25 x 150 = 7.50 = 22.50 - 15.00)
        assertSlot(settled.slots().get(1), T1, 0.5, 0.25, -0.25, "22.50", "-15.00");
        // 10:30 long 0.4 MW while the system is long: revenue 1.4 x 0.25 x 50.3 = 17.605 -> 17.60 half-even;
        // imbalance 0.1 MWh x (20 - 50.3) = -3.03
        assertSlot(settled.slots().get(2), T2, 0.25, 0.35, 0.1, "17.60", "-3.03");
        assertThat(settled.slots().get(2).systemDirection()).isEqualTo("LONG");
        // totals re-add the rounded slots: 40.00 + 22.50 + 17.60 = 80.10; 0.00 - 15.00 - 3.03 = -18.03
        assertThat(settled.revenueEur()).isEqualTo(new BigDecimal("80.10"));
        assertThat(settled.imbalanceEur()).isEqualTo(new BigDecimal("-18.03"));
        assertThat(settled.pricing())
                .isEqualTo("day-ahead clearing price for delivered energy; deviations at the single imbalance price");
    }

    @Test
    void eachDevicePaysForItsOwnDeviationAndEachGroupSumsTheDevicesBeneathIt() {
        var settled = DispatchSettlement.settle(marketPlan(), MARKET_MEASURED, MARKET_PRICES);

        // bat: (3.0 + 2.2 + 2.3) x 0.25 = 1.875 MWh;
        //   revenue 0.25 x (3.0 x 80 + 2.2 x 90 + 2.3 x 50.3) = 0.25 x 553.69 = 138.4225 -> 138.42;
        //   imbalance 0.25 x (0 x 20 + (2.2 - 3.0) x 60 + (2.3 - 2.0) x (-30.3)) = 0.25 x -57.09 = -14.2725 -> -14.27
        // load, expected at its forecast -1.0: (-1.0 - 1.2 - 0.9) x 0.25 = -0.775 MWh;
        //   revenue 0.25 x (-80 - 108 - 45.27) = -58.3175 -> -58.32;
        //   imbalance 0.25 x (0 + (-0.2) x 60 + 0.1 x (-30.3)) = 0.25 x -15.03 = -3.7575 -> -3.76
        assertThat(settled.devices()).hasSize(2);
        assertNode(settled.devices().get(0), "bat", "BATTERY", "s1", 1.875, "138.42", "-14.27");
        assertNode(settled.devices().get(1), "load", "LOAD", "s2", -0.775, "-58.32", "-3.76");
        // the node pf is the dispatch's totals: 138.42 - 58.32 = 80.10 and -14.27 - 3.76 = -18.03, nothing left over;
        // delivered 0.5 + 0.25 + 0.35 = 1.1 = 1.875 - 0.775
        assertThat(settled.groups()).hasSize(3);
        assertNode(settled.groups().get(0), "pf", "PORTFOLIO", null, 1.1, "80.10", "-18.03");
        assertNode(settled.groups().get(1), "s1", "SITE", "pf", 1.875, "138.42", "-14.27");
        assertNode(settled.groups().get(2), "s2", "SITE", "pf", -0.775, "-58.32", "-3.76");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                                                 | MW   | clearing | revenue
            a half cent after an even cent stays: 0.25 x 50.1 = 12.525             |  1.0 | 50.1     |  12.52
            a half cent after an odd cent goes up: 0.25 x 50.3 = 12.575            |  1.0 | 50.3     |  12.58
            a half cent after an odd cent goes up: 0.25 x 50.14 = 12.535           |  1.0 | 50.14    |  12.54
            a half cent after an even cent stays: 0.25 x 50.18 = 12.545            |  1.0 | 50.18    |  12.54
            a negative half cent after an even cent stays: -0.25 x 50.1 = -12.525  | -1.0 | 50.1     | -12.52
            under a half cent rounds down: 0.25 x 50.13 = 12.5325                  |  1.0 | 50.13    |  12.53
            a whole cent is not rounded: 0.25 x 50.12 = 12.53                      |  1.0 | 50.12    |  12.53
            """)
    void slotAmountsAreRoundedHalfEvenToTheCentOnTheirDecimalValue(String description, double mw, double clearing,
                                                                   String revenue) {
        // 0.25 x 50.1 in binary is 12.52500000000000035...: rounding the double would give 12.53, not 12.52
        var plan = new DispatchPlan("market:DE-LU:2026-06-16", DispatchKind.MARKET, "pf", T0, Duration.ofMinutes(15),
                1, List.of(), List.of(new GridGroup("pf", AssetKind.PORTFOLIO, null, null)), Map.of(), Map.of(),
                Map.of(), new double[]{mw});

        var settled = DispatchSettlement.settle(plan, List.of(new SlotMeasurement(T0, mw, mw, Map.of(), Map.of())),
                List.of(new SlotPrice(T0, clearing, 100, "SHORT")));

        assertThat(settled.revenueEur()).isEqualTo(new BigDecimal(revenue));
        assertThat(settled.imbalanceEur()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void theDispatchsNodeCarriesThePerimeterCorrectionAndTheUncoveredTargetSoItsTotalsAreTheDispatchs() {
        // target 3.0, but bat was planned at 2.0 and sent 2.5 (0.5 of it a manual dispatch's delta); it delivered
        // 2.5, of which this dispatch's is 2.0
        var plan = new DispatchPlan("market:DE-LU:2026-06-16", DispatchKind.MARKET, "pf", T0, Duration.ofMinutes(15),
                1, List.of(device("bat", AssetKind.BATTERY, "s1", "pf")),
                List.of(new GridGroup("pf", AssetKind.PORTFOLIO, null, null),
                        new GridGroup("s1", AssetKind.SITE, "pf", 5.0)),
                Map.of("bat", new double[]{2.0}), Map.of(), Map.of(), new double[]{3.0});
        var measured = List.of(new SlotMeasurement(T0, 3.0, 2.0, Map.of("bat", 2.5), Map.of("bat", 2.5)));

        var settled = DispatchSettlement.settle(plan, measured, List.of(new SlotPrice(T0, 80, 100, "SHORT")));

        // dispatch: revenue 2.0 x 0.25 x 80 = 40.00; imbalance (2.0 - 3.0) x 0.25 x (100 - 80) = -5.00
        assertThat(settled.revenueEur()).isEqualTo(new BigDecimal("40.00"));
        assertThat(settled.imbalanceEur()).isEqualTo(new BigDecimal("-5.00"));
        // bat: 2.5 x 0.25 = 0.625 MWh; revenue 0.625 x 80 = 50.00; on its setpoint: (2.5 - 2.5) x ... = 0.00
        assertNode(settled.devices().getFirst(), "bat", "BATTERY", "s1", 0.625, "50.00", "0.00");
        assertNode(settled.groups().get(1), "s1", "SITE", "pf", 0.625, "50.00", "0.00");
        // pf: 50.00 - 10.00 (the manual delta's 0.5 x 0.25 x 80) = 40.00; 0.00 - 5.00 (the uncovered 1.0 MW) = -5.00
        assertNode(settled.groups().get(0), "pf", "PORTFOLIO", null, 0.5, "40.00", "-5.00");
    }

    @Test
    void aManualDispatchIsPaidItsDeliveredActivationAtTheImbalancePriceWithNoImbalanceOfItsOwn() {
        // node s1 under pf; deltas bat1 1.0 and gen 0.5 for three slots, cancelled after two
        var plan = new DispatchPlan("manual:m1", DispatchKind.MANUAL, "s1", T0, Duration.ofMinutes(15), 3,
                List.of(device("bat1", AssetKind.BATTERY, "s1", "pf"), device("gen", AssetKind.GENERATOR, "s1", "pf")),
                List.of(new GridGroup("s1", AssetKind.SITE, "pf", null),
                        new GridGroup("pf", AssetKind.PORTFOLIO, null, null)),
                Map.of("bat1", new double[]{1.0, 1.0, 1.0}, "gen", new double[]{0.5, 0.5, 0.5}),
                Map.of("bat1", new double[]{2.0, 2.0, 2.0}), Map.of(), new double[]{1.5, 1.5, 1.5});
        var sent = Map.of("bat1", 1.0, "gen", 0.5);
        var measured = List.of(
                new SlotMeasurement(T1, 1.5, 1.2, Map.of("bat1", 1.0, "gen", 0.2), sent),
                new SlotMeasurement(T0, 1.5, 1.5, Map.of("bat1", 1.0, "gen", 0.5), sent));
        var prices = List.of(new SlotPrice(T0, 80, 120, "SHORT"), new SlotPrice(T1, 85, 130.5, "SHORT"),
                new SlotPrice(T2, 70, 90, "LONG"));

        var settled = DispatchSettlement.settle(plan, measured, prices);

        // 10:00: 1.5 x 0.25 x 120 = 45.00; 10:15: 1.2 x 0.25 x 130.5 = 39.15, short 0.3 MW but no imbalance
        assertThat(settled.slots()).hasSize(2);
        assertSlot(settled.slots().get(0), T0, 0.375, 0.375, 0.0, "45.00", "0.00");
        assertSlot(settled.slots().get(1), T1, 0.375, 0.3, -0.075, "39.15", "0.00");
        assertThat(settled.revenueEur()).isEqualTo(new BigDecimal("84.15"));
        assertThat(settled.imbalanceEur()).isEqualTo(new BigDecimal("0.00"));
        assertThat(settled.pricing()).isEqualTo("delivered activation at the imbalance price");
        // bat1: 0.25 x (1.0 x 120 + 1.0 x 130.5) = 62.625 -> 62.62 half-even;
        // gen: 0.25 x (0.5 x 120 + 0.2 x 130.5) = 21.525 -> 21.52 half-even
        assertNode(settled.devices().get(0), "bat1", "BATTERY", "s1", 0.5, "62.62", "0.00");
        assertNode(settled.devices().get(1), "gen", "GENERATOR", "s1", 0.175, "21.52", "0.00");
        // the node s1 is the dispatch's 84.15 (the devices' 84.14 and a cent of rounding); pf only sums its devices
        assertNode(settled.groups().get(0), "s1", "SITE", "pf", 0.675, "84.15", "0.00");
        assertNode(settled.groups().get(1), "pf", "PORTFOLIO", null, 0.675, "84.14", "0.00");
    }

    @Test
    void aSlotWithoutAPriceIsNotSettledByGuessing() {
        var prices = List.of(MARKET_PRICES.get(0), MARKET_PRICES.get(2));
        assertThatThrownBy(() -> DispatchSettlement.settle(marketPlan(), MARKET_MEASURED, prices))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no settlement price for the slot at 2026-06-16T10:15:00Z");
    }

    @Test
    void aMeasuredSlotThatIsNotOneOfThePlansIsRefused() {
        var stray = new SlotMeasurement(T0.plus(Duration.ofMinutes(5)), 2.0, 2.0, Map.of(), Map.of());
        assertThatThrownBy(() -> DispatchSettlement.settle(marketPlan(), List.of(stray), MARKET_PRICES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the measured slot at 2026-06-16T10:05:00Z is not a slot of the plan");
    }

    @Test
    void aPlanWhoseNodeIsNotAmongItsGroupsIsRefused() {
        var plan = new DispatchPlan("market:DE-LU:2026-06-16", DispatchKind.MARKET, "elsewhere", T0,
                Duration.ofMinutes(15), 1, List.of(), List.of(new GridGroup("pf", AssetKind.PORTFOLIO, null, null)),
                Map.of(), Map.of(), Map.of(), new double[]{0});
        assertThatThrownBy(() -> DispatchSettlement.settle(plan, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the dispatch's node elsewhere is not among its plan's groups");
    }

    private static DispatchPlan marketPlan() {
        return new DispatchPlan("market:DE-LU:2026-06-16", DispatchKind.MARKET, "pf", T0, Duration.ofMinutes(15), 3,
                List.of(device("bat", AssetKind.BATTERY, "s1", "pf"), device("load", AssetKind.LOAD, "s2", "pf")),
                List.of(new GridGroup("pf", AssetKind.PORTFOLIO, null, null),
                        new GridGroup("s1", AssetKind.SITE, "pf", 5.0),
                        new GridGroup("s2", AssetKind.SITE, "pf", null)),
                Map.of("bat", new double[]{3.0, 3.0, 2.0}, "load", new double[]{-1.0, -1.0, -1.0}), Map.of(), Map.of(),
                new double[]{2.0, 2.0, 1.0});
    }

    private static DispatchDevice device(String id, AssetKind kind, String... groups) {
        return new DispatchDevice(id, kind, List.of(groups), TechnicalLimits.NONE, kind != AssetKind.LOAD, 0, null);
    }

    private static void assertSlot(SlotSettlement slot, Instant start, double targetMwh, double deliveredMwh,
                                   double deviationMwh, String revenue, String imbalance) {
        assertThat(slot.start()).isEqualTo(start);
        assertThat(slot.targetMwh()).as("target").isCloseTo(targetMwh, within(EPS));
        assertThat(slot.deliveredMwh()).as("delivered").isCloseTo(deliveredMwh, within(EPS));
        assertThat(slot.deviationMwh()).as("deviation").isCloseTo(deviationMwh, within(EPS));
        assertThat(slot.revenueEur()).as("revenue").isEqualTo(new BigDecimal(revenue));
        assertThat(slot.imbalanceEur()).as("imbalance").isEqualTo(new BigDecimal(imbalance));
    }

    private static void assertNode(NodeSettlement node, String id, String kind, String parentId, double deliveredMwh,
                                   String revenue, String imbalance) {
        assertThat(node.nodeId()).isEqualTo(id);
        assertThat(node.kind()).as("%s's kind", id).isEqualTo(kind);
        assertThat(node.parentId()).as("%s's parent", id).isEqualTo(parentId);
        assertThat(node.deliveredMwh()).as("%s's delivered", id).isCloseTo(deliveredMwh, within(EPS));
        assertThat(node.revenueEur()).as("%s's revenue", id).isEqualTo(new BigDecimal(revenue));
        assertThat(node.imbalanceEur()).as("%s's imbalance", id).isEqualTo(new BigDecimal(imbalance));
    }
}
