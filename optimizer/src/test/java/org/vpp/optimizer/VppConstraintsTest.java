package org.vpp.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import ai.timefold.solver.core.api.score.HardSoftScore;
import ai.timefold.solver.core.api.score.stream.test.ConstraintVerifier;
import org.junit.jupiter.api.Test;
import org.vpp.optimizer.model.Battery;

/** One test per rule; a lossless 1 MWh battery on hourly slots priced 10 and 100 EUR/MWh, 0.25 MWh levels. */
class VppConstraintsTest {

    private static final PriceCurve PRICES = new PriceCurve(new double[] {10.0, 100.0}, 1.0);

    private final ConstraintVerifier<VppConstraints, VppSolution> verifier =
            ConstraintVerifier.build(new VppConstraints(), VppSolution.class, BatteryLevel.class, OutputLevel.class);

    private static BatteryFact fact(double power, double initial, double reserve, double ramp) {
        Battery battery = new Battery("b", 1.0, 0.0, 1.0, reserve, initial, 1.0, 1.0, power, power, ramp,
                2.0, 1.0, 30.0);
        return new BatteryFact(battery, PRICES, 60, (int) Math.round(power / 0.25), 400);
    }

    private static BatteryLevel at(BatteryFact fact, int slot, int level) {
        return slot < 0 ? BatteryLevel.initial(fact) : new BatteryLevel(fact, slot, level);
    }

    @Test
    void theLevelGridHoldsOnlyStatesOfChargeInsideTheUsableBandSoNoRuleNeedGuardThem() {
        // 1 MWh battery, SoC floor 0, backup reserve 0.5 MWh: the usable band is [0.5, 1.0] in 0.25 MWh steps
        BatteryFact b = fact(1.0, 0.5, 0.5, 10);

        assertThat(b.levelCount).isEqualTo(3);
        assertThat(b.socMwh(0)).isEqualTo(0.5);
        assertThat(b.socMwh(1)).isEqualTo(0.75);
        assertThat(b.socMwh(2)).isEqualTo(1.0);
        assertThatIllegalArgumentException().isThrownBy(() -> b.socMwh(3));
    }

    @Test
    void aLegalScheduleScoresZeroOnEveryHardRule() {
        // Lossless 1 MWh battery from empty, 1 MW both ways, ramp 1 MW per hourly slot, degradation 2 EUR/MWh,
        // terminal target 1 MWh at 30 EUR/MWh. It charges 0.5 MWh in slot 0 and sells it in slot 1: exactly at the
        // site's 0.5 MW connection both ways, a 1 MW swing (exactly its ramp) and a 0.5 MWh commitment in slot 1.
        // A flexible load takes its 1 MWh in slot 0 (outside the site). Soft, worked by hand in milli-EUR:
        //   battery revenue  -0.5 MWh * 10 + 0.5 MWh * 100  = -5 + 50 EUR  ->  +45,000
        //   load revenue     -1 MWh * 10                    = -10 EUR      ->  -10,000
        //   degradation      (0.5 + 0.5) MWh * 2 EUR/MWh    =  2 EUR       ->   -2,000
        //   terminal target  (1 - 0) MWh * 30 EUR/MWh       = 30 EUR       ->  -30,000
        //                                                                  total  +3,000
        BatteryFact b = fact(1.0, 0.0, 0.0, 1.0 / 60);
        OutputFact load = new OutputFact("ev", OutputKind.FLEXIBLE_LOAD, PRICES, new double[][] {{0, -1}, {0, -1}},
                0, 1.0, 0.0);
        verifier.verifyThat()
                .given(at(b, -1, 0), at(b, 0, 2), at(b, 1, 0), new Membership(b, 0),
                        new NodeLimit(0, "site", 0.5, 0.5), new CommitmentFact(0, "site", 1, 0.5, 0.0),
                        new OutputLevel(load, 0, 1), new OutputLevel(load, 1, 0))
                .scores(HardSoftScore.of(0, 3_000));
    }

    @Test
    void penalizesChargingFasterThanTheChargePowerLimit() {
        BatteryFact b = fact(0.5, 0.0, 0.0, 10);
        verifier.verifyThat(VppConstraints::chargePowerLimit)
                .given(at(b, -1, 0), at(b, 0, 4), at(b, 1, 4))
                .penalizesBy(500_000);
    }

    @Test
    void penalizesDischargingFasterThanTheDischargePowerLimit() {
        BatteryFact b = fact(0.5, 1.0, 0.0, 10);
        verifier.verifyThat(VppConstraints::dischargePowerLimit)
                .given(at(b, -1, 0), at(b, 0, 0), at(b, 1, 0))
                .penalizesBy(500_000);
    }

    @Test
    void penalizesAPowerSwingBeyondTheRampRate() {
        BatteryFact b = fact(1.0, 0.0, 0.0, 0.25 / 60);
        // +0.5 MW charge then 0.5 MW discharge: a 1 MW swing against 0.25 MW per slot
        verifier.verifyThat(VppConstraints::rampLimit)
                .given(at(b, -1, 0), at(b, 0, 2), at(b, 1, 0))
                .penalizesBy(750_000);
    }

    @Test
    void penalizesImportingMoreThanTheNodeGridConnection() {
        BatteryFact b = fact(1.0, 0.0, 0.0, 10);
        verifier.verifyThat(VppConstraints::gridImportLimit)
                .given(at(b, -1, 0), at(b, 0, 4), at(b, 1, 4), new Membership(b, 0), new NodeLimit(0, "site", 0.5, 0.5))
                .penalizesBy(500_000);
    }

    @Test
    void penalizesExportingMoreThanTheNodeGridConnection() {
        BatteryFact b = fact(1.0, 1.0, 0.0, 10);
        verifier.verifyThat(VppConstraints::gridExportLimit)
                .given(at(b, -1, 4), at(b, 0, 4), at(b, 1, 0), new Membership(b, 0), new NodeLimit(0, "site", 0.5, 0.5))
                .penalizesBy(500_000);
    }

    @Test
    void penalizesACommitmentNotDelivered() {
        BatteryFact b = fact(1.0, 0.0, 0.0, 10);
        verifier.verifyThat(VppConstraints::commitmentDelivered)
                .given(at(b, -1, 0), at(b, 0, 0), at(b, 1, 0), new Membership(b, 0),
                        new CommitmentFact(0, "site", 0, 1.0, 0.0))
                .penalizesBy(1_000_000);
    }

    @Test
    void penalizesAFleetQuantityThatChangesInsideABlock() {
        // one two-slot block, 0.1 MWh volume step: idle in slot 0, 0.5 MWh sold in slot 1: 0.4 MWh beyond the step
        BatteryFact b = fact(1.0, 0.5, 0.0, 10);
        verifier.verifyThat(VppConstraints::blockQuantityEqual)
                .given(at(b, -1, 2), at(b, 0, 2), at(b, 1, 0), new Membership(b, 0), new BlockFact(0, 2, 0.1))
                .penalizesBy(400_000);
        // 0.25 MWh in each slot: one quantity
        verifier.verifyThat(VppConstraints::blockQuantityEqual)
                .given(at(b, -1, 2), at(b, 0, 1), at(b, 1, 0), new Membership(b, 0), new BlockFact(0, 2, 0.0))
                .penalizesBy(0);
    }

    @Test
    void penalizesAFlexibleLoadThatMissesItsEnergy() {
        OutputFact load = new OutputFact("ev", OutputKind.FLEXIBLE_LOAD, PRICES, new double[][] {{0, -1}, {0, -1}},
                0, 2.0, 0.0);
        verifier.verifyThat(VppConstraints::flexibleLoadEnergyDelivered)
                .given(new OutputLevel(load, 0, 1), new OutputLevel(load, 1, 0))
                .penalizesBy(1_000_000);
    }

    @Test
    void rewardsEnergySoldAtTheSlotPrice() {
        BatteryFact b = fact(1.0, 1.0, 0.0, 10);
        // idle in slot 0, 1 MWh sold at 100 EUR/MWh in slot 1
        verifier.verifyThat(VppConstraints::energyRevenue)
                .given(at(b, -1, 4), at(b, 0, 4), at(b, 1, 0))
                .rewardsWith(100_000);
    }

    @Test
    void penalizesBatteryThroughputAtItsDegradationCost() {
        BatteryFact b = fact(1.0, 1.0, 0.0, 10);
        verifier.verifyThat(VppConstraints::batteryDegradationCost)
                .given(at(b, -1, 4), at(b, 0, 4), at(b, 1, 0))
                .penalizesBy(2_000);
    }

    @Test
    void penalizesHoldingABatteryBelowItsDeepDischargeFloorByDepthAndTime() {
        // floor 0.5 MWh at 40 EUR per MWh-hour: ends slot 0 empty (0.5 MWh deep: 20 EUR), slot 1 at 0.25 (10 EUR)
        Battery battery = new Battery("b", 1.0, 0.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 10, 2.0, 0.0, 0.0)
                .withDepthWear(0.5, 40);
        BatteryFact b = new BatteryFact(battery, PRICES, 60, 4, 400);
        verifier.verifyThat(VppConstraints::batteryDepthWear)
                .given(at(b, -1, 4), at(b, 0, 0), at(b, 1, 1))
                .penalizesBy(30_000);
    }

    @Test
    void penalizesGeneratorOutputAtItsFuelCost() {
        OutputFact generator = new OutputFact("g", OutputKind.GENERATOR, PRICES, new double[][] {{0, 1}, {0, 1}},
                50.0, 0, 0);
        verifier.verifyThat(VppConstraints::fuelCost)
                .given(new OutputLevel(generator, 0, 1), new OutputLevel(generator, 1, 0))
                .penalizesBy(50_000);
    }

    @Test
    void penalizesEndingBelowTheTerminalTarget() {
        BatteryFact b = fact(1.0, 1.0, 0.0, 10);
        // ends at 0.5 MWh against a 1 MWh target valued 30 EUR/MWh
        verifier.verifyThat(VppConstraints::terminalStateOfChargeTarget)
                .given(at(b, -1, 4), at(b, 0, 4), at(b, 1, 2))
                .penalizesBy(15_000);
    }
}
