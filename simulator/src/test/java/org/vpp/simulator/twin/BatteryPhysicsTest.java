package org.vpp.simulator.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vpp.simulator.series.SeedStreams;

class BatteryPhysicsTest {

    // 10 MW / 20 MWh, 95 % each way, 2 MW/min, 0.1 %/h self-discharge, SoC 10-90 %.
    private static final BatteryLimits LIMITS = new BatteryLimits(-10, 10, 20, 0.1, 0.9, 0.95, 0.95, 2, 0.001);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 17, 4242})
    void aBatteryConservesEnergyWithinItsLossesAndNeverLeavesItsBounds(long seed) {
        RandomGenerator rng = SeedStreams.stream(seed, "setpoints");
        BatteryState state = new BatteryState(0, 0.5);
        double initialEnergyMwh = state.storedEnergyMwh(LIMITS);
        double chargedMwh = 0;
        double dischargedMwh = 0;
        double lossMwh = 0;
        double hours = FIVE_MINUTES.toSeconds() / 3600.0;
        for (int i = 0; i < 2000; i++) {
            double setpoint = rng.nextDouble(-15, 15);
            BatteryStep step = BatteryPhysics.step(state, LIMITS, setpoint, FIVE_MINUTES);
            double p = step.outcome().deliveredMw();
            if (p >= 0) {
                dischargedMwh += p * hours;
            } else {
                chargedMwh += -p * hours;
            }
            lossMwh += step.selfDischargeLossMwh();
            assertThat(step.next().soc()).isBetween(LIMITS.minSoc() - 1e-12, LIMITS.maxSoc() + 1e-12);
            assertThat(p).isBetween(LIMITS.minPowerMw(), LIMITS.maxPowerMw());
            assertThat(Math.abs(p - state.powerMw())).as("ramp").isLessThanOrEqualTo(10 + 1e-9);
            state = step.next();
        }
        double expectedEnergy = initialEnergyMwh + chargedMwh * LIMITS.chargeEfficiency()
                - dischargedMwh / LIMITS.dischargeEfficiency() - lossMwh;
        assertThat(state.storedEnergyMwh(LIMITS)).isCloseTo(expectedEnergy, within(1e-6));
        assertThat(dischargedMwh).as("round trip loses energy").isLessThan(chargedMwh + initialEnergyMwh);
    }

    @ParameterizedTest(name = "from {0} MW at SoC {1}, asked {2} MW -> {3} MW, {4}")
    @CsvSource({
            "0,  0.5, 5,    5,    NONE",
            "0,  0.5, 15,   5,    RAMP_LIMITED",
            "10, 0.5, 15,   10,   POWER_LIMITED",
            "0,  0.5, -12,  -5,   RAMP_LIMITED",
            "-10, 0.5, -12, -10,  POWER_LIMITED",
            "0,  0.1, 5,    0,    SOC_LIMITED",
            "0,  0.9, -5,   0,    SOC_LIMITED",
            "5,  0.5, 0,    0,    NONE"})
    void aBatteryAskedTheImpossibleDoesWhatPhysicsAllowsAndSaysWhy(double fromMw, double soc, double setpointMw,
            double expectedMw, Limitation expectedLimitation) {
        // 1 MW/min over five minutes: at most 5 MW of change per step.
        BatteryLimits noSelfDischarge = new BatteryLimits(-10, 10, 20, 0.1, 0.9, 0.95, 0.95, 1, 0);
        BatteryStep step = BatteryPhysics.step(new BatteryState(fromMw, soc), noSelfDischarge, setpointMw,
                FIVE_MINUTES);
        assertThat(step.outcome().requestedMw()).isEqualTo(setpointMw);
        assertThat(step.outcome().deliveredMw()).isCloseTo(expectedMw, within(1e-9));
        assertThat(step.outcome().limitation()).isEqualTo(expectedLimitation);
    }

    @Test
    void aBatteryNearlyEmptyDeliversOnlyTheEnergyLeftAboveItsMinimum() {
        BatteryLimits limits = new BatteryLimits(-10, 10, 20, 0.1, 0.9, 0.95, 0.95, 100, 0);
        // 0.2 MWh above the minimum, times 95 %, over one hour.
        BatteryStep step = BatteryPhysics.step(new BatteryState(0, 0.11), limits, 10, Duration.ofHours(1));
        assertThat(step.outcome().deliveredMw()).isCloseTo(0.19, within(1e-9));
        assertThat(step.outcome().limitation()).isEqualTo(Limitation.SOC_LIMITED);
        assertThat(step.next().soc()).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void anIdleBatteryLosesChargeToSelfDischargeButNotBelowItsMinimum() {
        BatteryLimits leaky = new BatteryLimits(-10, 10, 20, 0.1, 0.9, 0.95, 0.95, 2, 0.05);
        BatteryState state = new BatteryState(0, 0.5);
        for (int i = 0; i < 200; i++) {
            state = BatteryPhysics.step(state, leaky, 0, Duration.ofHours(1)).next();
        }
        assertThat(state.soc()).isCloseTo(0.1, within(1e-12));
    }
}
