package org.vpp.optimizer;

import ai.timefold.solver.core.api.score.HardSoftScore;
import ai.timefold.solver.core.api.score.stream.test.ConstraintVerifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpp.optimizer.model.EvSession;
import org.vpp.optimizer.model.Generator;

/**
 * One test per unit-commitment and EV-session rule, on four hourly slots priced 10, 100, 100 and 10 EUR/MWh. The
 * generator: 2..10 MW at 40 EUR/MWh, ramp 4 MW per slot, up at least 3 slots, down at least 2, 100 EUR per start;
 * its options are 0, 2, 4, 6, 8 and 10 MW (option index = MW / 2). The EV: plugged in slots 1 and 2, wants 3 MWh, the
 * car takes 3.5 MWh, the charger draws 1 or 2 MW, 200 EUR per MWh missing at departure.
 */
class CommitmentConstraintsTest {

    private static final PriceCurve PRICES = new PriceCurve(new double[] {10.0, 100.0, 100.0, 10.0}, 1.0);
    private static final double[] GENERATOR_OPTIONS = {0, 2, 4, 6, 8, 10};

    private final ConstraintVerifier<VppConstraints, VppSolution> verifier =
            ConstraintVerifier.build(new VppConstraints(), VppSolution.class, BatteryLevel.class, OutputLevel.class);

    private static final Generator UNIT = new Generator("g", 2, 10, 40).withCommitment(4.0 / 60, 3, 2, 100);

    private static OutputFact generator(Generator g) {
        return OutputFact.ofGenerator(g, PRICES, new double[][] {GENERATOR_OPTIONS, GENERATOR_OPTIONS, GENERATOR_OPTIONS,
                GENERATOR_OPTIONS}, 60);
    }

    /** The generator's levels, one output (MW, a multiple of 2) per slot. */
    private static Object[] outputs(OutputFact g, double... mw) {
        Object[] levels = new Object[mw.length];
        for (int t = 0; t < mw.length; t++) {
            levels[t] = new OutputLevel(g, t, (int) Math.round(mw[t] / 2));
        }
        return levels;
    }

    private static OutputFact ev() {
        EvSession session = new EvSession("ev", 1, 3, 3.0, 3.5, List.of(1.0, 2.0), 200);
        return OutputFact.ofEvSession(session, PRICES, new double[][] {{0}, {0, -1, -2}, {0, -1, -2}, {0}});
    }

    /** The session's levels: its draw (MW, 0, 1 or 2) per plugged slot 1 and 2. */
    private static Object[] charging(OutputFact ev, int slot1, int slot2) {
        return new Object[] {new OutputLevel(ev, 0, 0), new OutputLevel(ev, 1, slot1), new OutputLevel(ev, 2, slot2),
                new OutputLevel(ev, 3, 0)};
    }

    private static Object[] both(Object[] a, Object[] b) {
        Object[] all = new Object[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void aLegalScheduleScoresZeroOnEveryHardRule() {
        // Off before; starts at 2 MW (within max(min, ramp) = 4), ramps by 4 to 6 and 10, runs its 3 slots. The EV draws
        // 1 then 2 MW: its 3 MWh, within the car's 3.5. Soft, by hand in milli-EUR:
        //   generator revenue  2*100 + 6*100 + 10*10 = 900 EUR     -> +900,000
        //   fuel               (2 + 6 + 10) * 40     = 720 EUR     -> -720,000
        //   one start                                  100 EUR     -> -100,000
        //   EV energy          -(1*100 + 2*100)      = -300 EUR    -> -300,000
        //                                                     total   -220,000
        verifier.verifyThat()
                .given(both(outputs(generator(UNIT), 0, 2, 6, 10), charging(ev(), 1, 2)))
                .scores(HardSoftScore.of(0, -220_000));
    }

    @Test
    void penalizesAStartAboveTheStartLimitAJumpBeyondTheRampAndAStopFromFullLoad() {
        // start at 6 MW (limit 4): 2 MWh; 6 -> 10 is within the ramp of 4; 10 -> off (limit 4): 6 MWh
        verifier.verifyThat(VppConstraints::generatorRampLimit)
                .given(outputs(generator(UNIT), 6, 10, 10, 0))
                .penalizesBy(8_000_000);
        // 2 -> 10 while running: 8 MW against 4 per slot: 4 MWh
        verifier.verifyThat(VppConstraints::generatorRampLimit)
                .given(outputs(generator(UNIT), 2, 10, 10, 10))
                .penalizesBy(4_000_000);
    }

    @Test
    void penalizesTheRampFromTheStateBeforeTheHorizon() {
        // running at 10 MW before slot 0, 2 MW in slot 0: 8 MW down against 4
        Generator running = UNIT.withInitialState(10, Generator.LONG_SETTLED);
        verifier.verifyThat(VppConstraints::generatorRampLimit)
                .given(outputs(generator(running), 2, 2, 2, 2))
                .penalizesBy(4_000_000);
    }

    @Test
    void penalizesStoppingBeforeTheMinimumUpTime() {
        // started in slot 0, off in slots 1 and 2 (inside its 3 slots): two slots at its 10 MW full output
        verifier.verifyThat(VppConstraints::generatorMinimumUpTime)
                .given(outputs(generator(UNIT), 2, 0, 0, 0))
                .penalizesBy(20_000_000);
        // started in slot 2, cut by the horizon's end after slot 3: no breach
        verifier.verifyThat(VppConstraints::generatorMinimumUpTime)
                .given(outputs(generator(UNIT), 0, 0, 2, 2))
                .penalizesBy(0);
    }

    @Test
    void penalizesStoppingAUnitStartedJustBeforeTheHorizon() {
        // on at 4 MW for the last slot before the horizon: two more slots to run; off in slot 0 and 1
        Generator justStarted = UNIT.withInitialState(4, 1);
        verifier.verifyThat(VppConstraints::generatorMinimumUpTime)
                .given(outputs(generator(justStarted), 0, 0, 0, 0))
                .penalizesBy(20_000_000);
    }

    @Test
    void penalizesRestartingBeforeTheMinimumDownTime() {
        // running long before, stopped in slot 0, restarted in slot 1 (inside its 2 slots down)
        Generator running = UNIT.withInitialState(4, Generator.LONG_SETTLED);
        verifier.verifyThat(VppConstraints::generatorMinimumDownTime)
                .given(outputs(generator(running), 0, 2, 2, 2))
                .penalizesBy(10_000_000);
        // stopped one slot before the horizon: off in slot 0 as well
        Generator justStopped = UNIT.withInitialState(0, 1);
        verifier.verifyThat(VppConstraints::generatorMinimumDownTime)
                .given(outputs(generator(justStopped), 2, 2, 2, 2))
                .penalizesBy(10_000_000);
    }

    @Test
    void penalizesEveryStartAtItsStartUpCost() {
        // off before; starts in slot 0 and again in slot 3
        verifier.verifyThat(VppConstraints::startUpCost)
                .given(outputs(generator(UNIT), 2, 2, 0, 2))
                .penalizesBy(200_000);
        // running before: slot 0 is no start
        verifier.verifyThat(VppConstraints::startUpCost)
                .given(outputs(generator(UNIT.withInitialState(2, Generator.LONG_SETTLED)), 2, 2, 2, 2))
                .penalizesBy(0);
    }

    @Test
    void penalizesAnEvChargedBeyondWhatTheCarTakes() {
        // 2 + 2 MWh into a car with room for 3.5
        verifier.verifyThat(VppConstraints::evCapacityLimit)
                .given(charging(ev(), 2, 2))
                .penalizesBy(500_000);
    }

    @Test
    void penalizesEachMwhAnEvMissesAtDeparture() {
        // 1 + 1 MWh of 3 needed: 1 MWh short at 200 EUR/MWh
        verifier.verifyThat(VppConstraints::evEnergyByDeparture)
                .given(charging(ev(), 1, 1))
                .penalizesBy(200_000);
        verifier.verifyThat(VppConstraints::evEnergyByDeparture)
                .given(charging(ev(), 1, 2))
                .penalizesBy(0);
    }
}
