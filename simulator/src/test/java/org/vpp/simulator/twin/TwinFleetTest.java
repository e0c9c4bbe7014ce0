package org.vpp.simulator.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.vpp.kernel.TimeSeries;
import org.vpp.simulator.series.SeedStreams;

class TwinFleetTest {

    private static final Instant START = Instant.parse("2025-06-01T00:00:00Z");
    private static final Duration STEP = Duration.ofMinutes(15);
    private static final BatteryLimits LIMITS = new BatteryLimits(-2, 2, 4, 0.05, 0.95, 0.95, 0.95, 1, 0.0005);
    private static final OutageModel FLAKY = new OutageModel(Duration.ofHours(20), Duration.ofHours(3));

    private static List<List<TelemetrySample>> run(long seed) {
        List<List<TelemetrySample>> batches = new ArrayList<>();
        double[] pv = new double[96];
        for (int i = 0; i < 96; i++) {
            pv[i] = Math.max(0, 3 * Math.sin(Math.PI * (i - 24) / 48.0));
        }
        TimeSeries pvAvailable = new TimeSeries(START, STEP, pv);
        TwinFleet fleet = new TwinFleet(List.of(
                new BatteryTwin("bat-1", LIMITS, new BatteryState(0, 0.5), FLAKY, MeasurementNoise.typical(), START,
                        seed),
                new RenewableTwin("pv-1", new RenewableLimits(3, 3), pvAvailable, FLAKY, MeasurementNoise.typical(),
                        START, seed)),
                batches::add);
        RandomGenerator setpoints = SeedStreams.stream(seed, "test-setpoints");
        for (int i = 0; i < 96; i++) {
            fleet.step(START.plus(STEP.multipliedBy(i)), STEP, Map.of("bat-1", setpoints.nextDouble(-3, 3)));
        }
        return batches;
    }

    @Test
    void theSameSeedGivesTheSameTwinOutputs() {
        assertThat(run(5)).isEqualTo(run(5));
    }

    @Test
    void differentSeedsGiveDifferentTwinOutputs() {
        assertThat(run(5)).isNotEqualTo(run(6));
    }

    @Test
    void theFleetReportsOneBatchPerStepWithASampleForEveryTwin() {
        List<List<TelemetrySample>> batches = run(1);
        assertThat(batches).hasSize(96);
        assertThat(batches).allSatisfy(batch -> {
            assertThat(batch).extracting(TelemetrySample::assetId).containsExactly("bat-1", "pv-1");
            assertThat(batch.get(0).soc()).isBetween(0.0, 1.0);
            assertThat(batch.get(1).soc()).isNull();
        });
        assertThat(batches.getLast().getFirst().at()).isEqualTo(START.plus(STEP.multipliedBy(96)));
    }

    @Test
    void aTwinInOutageDeliversNothingAndSaysSo() {
        OutageModel alwaysBroken = new OutageModel(Duration.ofSeconds(1), Duration.ofDays(3650));
        BatteryTwin twin = new BatteryTwin("bat-x", LIMITS, new BatteryState(0, 0.5), alwaysBroken,
                MeasurementNoise.NONE, START, 1);
        TwinStep step = twin.step(START.plus(Duration.ofHours(1)), STEP, java.util.OptionalDouble.of(1.0));
        assertThat(step.outcome().deliveredMw()).isZero();
        assertThat(step.outcome().limitation()).isEqualTo(Limitation.OUTAGE);
        assertThat(step.telemetry().available()).isFalse();
    }

    @Test
    void outagesOccurRoughlyAsOftenAsTheModelSays() {
        OutageModel model = new OutageModel(Duration.ofHours(10), Duration.ofHours(2));
        RandomGenerator rng = SeedStreams.stream(3, "outages");
        OutageState state = Outages.initial(model, START, rng);
        int available = 0;
        int hours = 20_000;
        for (int h = 0; h < hours; h++) {
            state = Outages.at(state, model, START.plus(Duration.ofHours(h)), rng);
            available += state.available() ? 1 : 0;
        }
        assertThat((double) available / hours).isBetween(model.availability() - 0.04, model.availability() + 0.04);
    }

    @Test
    void noiseAffectsTheReportNotTheInternalState() {
        BatteryTwin noisy = new BatteryTwin("bat-n", LIMITS, new BatteryState(0, 0.5), OutageModel.never(),
                new MeasurementNoise(0.05, 0.05), START, 1);
        BatteryTwin exact = new BatteryTwin("bat-n", LIMITS, new BatteryState(0, 0.5), OutageModel.never(),
                MeasurementNoise.NONE, START, 1);
        TwinStep a = noisy.step(START, STEP, java.util.OptionalDouble.of(1));
        exact.step(START, STEP, java.util.OptionalDouble.of(1));
        assertThat(noisy.state()).isEqualTo(exact.state());
        assertThat(a.telemetry().powerMw()).isNotEqualTo(noisy.state().powerMw());
    }
}
