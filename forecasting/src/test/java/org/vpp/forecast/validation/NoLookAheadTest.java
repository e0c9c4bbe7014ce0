package org.vpp.forecast.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.vpp.forecast.SyntheticSeries;
import org.vpp.forecast.model.FittedModel;
import org.vpp.forecast.model.ForecastModel;
import org.vpp.forecast.model.HoltWinters;
import org.vpp.forecast.value.Horizon;
import org.vpp.forecast.value.Season;
import org.vpp.kernel.TimeSeries;

class NoLookAheadTest {

    /** Records every history it is fitted on, then delegates. */
    private record Spy(ForecastModel inner, List<TimeSeries> seen) implements ForecastModel {
        public String name() {
            return "spy";
        }

        public Map<String, String> parameters() {
            return inner.parameters();
        }

        public int complexity() {
            return inner.complexity();
        }

        public int minimumHistory(Duration step) {
            return inner.minimumHistory(step);
        }

        public FittedModel fit(TimeSeries history) {
            seen.add(history);
            return inner.fit(history);
        }
    }

    private static final Horizon DAY = new Horizon(24);
    private static final CvConfig FOUR_FOLDS = CvConfig.DEFAULT.withFolds(4);
    private static final TimeSeries SERIES = SyntheticSeries.withNoise(SyntheticSeries.weekly(SyntheticSeries.HOUR, 21), 0.5, 3);

    @Test
    void everyFoldIsTrainedOnDataThatEndsRightBeforeItsOrigin() {
        Spy spy = new Spy(new HoltWinters(0.2, 0.05, 0.2, 0.9, Season.DAILY), new CopyOnWriteArrayList<>());

        CandidateScore score = CrossValidation.evaluate(spy, SERIES, DAY, FOUR_FOLDS);

        assertThat(spy.seen()).hasSize(4);
        for (int i = 0; i < 4; i++) {
            TimeSeries training = spy.seen().get(i);
            Instant origin = score.folds().get(i).origin();
            assertThat(training.start()).isEqualTo(SERIES.start());
            assertThat(training.end()).isEqualTo(origin);
            assertThat(score.folds().get(i).trainedUntil()).isEqualTo(training.timeAt(training.size() - 1))
                    .isBefore(origin);
        }
    }

    @Test
    void poisoningEverythingFromTheLastOriginOnReachesNoModelAndChangesNoEarlierFold() {
        int lastOrigin = SERIES.size() - DAY.steps();
        double[] poisoned = SERIES.values();
        java.util.Arrays.fill(poisoned, lastOrigin, poisoned.length, Double.NaN);
        TimeSeries poisonedSeries = new TimeSeries(SERIES.start(), SERIES.step(), poisoned);
        Spy spy = new Spy(new HoltWinters(0.2, 0.05, 0.2, 0.9, Season.DAILY), new CopyOnWriteArrayList<>());

        CandidateScore clean = CrossValidation.evaluate(spy.inner(), SERIES, DAY, FOUR_FOLDS);
        CandidateScore dirty = CrossValidation.evaluate(spy, poisonedSeries, DAY, FOUR_FOLDS);

        assertThat(spy.seen()).allSatisfy(training ->
                assertThat(java.util.Arrays.stream(training.values()).noneMatch(Double::isNaN)).as("no NaN").isTrue());
        assertThat(dirty.folds().subList(0, 3)).isEqualTo(clean.folds().subList(0, 3));
        assertThat(dirty.folds().get(3).scores().mae()).as("the last fold is scored on poison").isNaN();
    }
}
