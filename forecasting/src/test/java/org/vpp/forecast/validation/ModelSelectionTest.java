package org.vpp.forecast.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vpp.forecast.SyntheticSeries.HOUR;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.vpp.forecast.SyntheticSeries;
import org.vpp.forecast.model.ForecastModel;
import org.vpp.forecast.model.HoltWinters;
import org.vpp.forecast.model.Persistence;
import org.vpp.forecast.model.SeasonalNaive;
import org.vpp.forecast.value.Horizon;
import org.vpp.forecast.value.Season;
import org.vpp.kernel.TimeSeries;

class ModelSelectionTest {

    private static final Horizon DAY = new Horizon(24);
    private static final LongSupplier STOPPED_CLOCK = () -> 0L;

    /** A fake clock that moves one second each time it is read. */
    private static LongSupplier tickingSeconds() {
        AtomicLong now = new AtomicLong();
        return () -> now.getAndAdd(1_000_000_000L);
    }

    @Test
    void onEqualErrorTheSimplerModelWinsWhateverTheOrder() {
        TimeSeries pureDaily = SyntheticSeries.daily(HOUR, 21, SyntheticSeries::dailyLoad);
        List<ForecastModel> complexFirst = List.of(new HoltWinters(0.2, 0.01, 0.2, 0.9, Season.DAILY),
                new SeasonalNaive(Season.WEEKLY), new SeasonalNaive(Season.DAILY));

        SelectionResult result = ModelSelection.select(complexFirst, pureDaily, DAY, CvConfig.DEFAULT, STOPPED_CLOCK);

        assertThat(result.scored()).allSatisfy(candidate -> assertThat(candidate.mean().mae()).isLessThan(1e-9));
        assertThat(result.best().model()).isEqualTo(new SeasonalNaive(Season.DAILY));
    }

    /** On a perfectly seasonal series the MASE scale is 0: seasonal naive scores 0, anything else +infinity. */
    @Test
    void anInfiniteScoreNeverTiesWithAPerfectOne() {
        TimeSeries pureDaily = SyntheticSeries.daily(HOUR, 21, SyntheticSeries::dailyLoad);
        List<ForecastModel> simplerFirst = List.of(new Persistence(), new SeasonalNaive(Season.DAILY));

        SelectionResult result = ModelSelection.select(simplerFirst, pureDaily, DAY, CvConfig.DEFAULT, STOPPED_CLOCK);

        assertThat(result.scored()).extracting(c -> c.mean().mase()).containsExactly(Double.POSITIVE_INFINITY, 0.0);
        assertThat(result.best().model()).isEqualTo(new SeasonalNaive(Season.DAILY));
    }

    @Test
    void returnsEveryCandidatesScoresPerFoldAndTheirMean() {
        TimeSeries noisy = SyntheticSeries.withNoise(SyntheticSeries.weekly(HOUR, 28), 0.5, 11);
        List<ForecastModel> candidates = List.of(new SeasonalNaive(Season.DAILY), new SeasonalNaive(Season.WEEKLY));

        CvConfig threeFolds = CvConfig.DEFAULT.withFolds(3);
        SelectionResult result = ModelSelection.select(candidates, noisy, DAY, threeFolds, STOPPED_CLOCK);

        assertThat(threeFolds.tuningFolds()).isEqualTo(2);
        assertThat(result.finalists()).hasSize(2).allSatisfy(finalist -> assertThat(finalist.folds()).hasSize(1));
        assertThat(result.scored()).hasSize(2).allSatisfy(candidate -> {
            assertThat(candidate.folds()).hasSize(2);
            assertThat(candidate.mean().mase()).isCloseTo(
                    candidate.folds().stream().mapToDouble(fold -> fold.scores().mase()).average().orElseThrow(),
                    org.assertj.core.api.Assertions.within(1e-12));
        });
        assertThat(result.best().model()).as("the weekend dip favours the weekly season")
                .isEqualTo(new SeasonalNaive(Season.WEEKLY));
    }

    @Test
    void stopsTryingCandidatesWhenTheBudgetMeasuredByTheInjectedClockIsSpent() {
        TimeSeries noisy = SyntheticSeries.withNoise(SyntheticSeries.weekly(HOUR, 21), 0.5, 5);
        List<ForecastModel> five = List.of(new SeasonalNaive(Season.DAILY),
                new HoltWinters(0.1, 0.01, 0.1, 0.9, Season.DAILY), new HoltWinters(0.2, 0.01, 0.1, 0.9, Season.DAILY),
                new HoltWinters(0.3, 0.01, 0.1, 0.9, Season.DAILY), new HoltWinters(0.4, 0.01, 0.1, 0.9, Season.DAILY));
        CvConfig budgetOfTwoAndAHalfSeconds = CvConfig.DEFAULT.withSearchBudget(Duration.ofMillis(2500));

        SelectionResult first = ModelSelection.select(five, noisy, DAY, budgetOfTwoAndAHalfSeconds, tickingSeconds());
        SelectionResult again = ModelSelection.select(five, noisy, DAY, budgetOfTwoAndAHalfSeconds, tickingSeconds());

        assertThat(first.scored()).extracting(CandidateScore::model).containsExactlyElementsOf(five.subList(0, 3));
        assertThat(first.skipped()).extracting(SkippedCandidate::reason).allMatch(reason -> reason.contains("budget"));
        assertThat(again).isEqualTo(first);
    }

    @Test
    void theFirstCandidateIsScoredEvenWithNoBudgetAtAll() {
        TimeSeries noisy = SyntheticSeries.withNoise(SyntheticSeries.weekly(HOUR, 21), 0.5, 5);
        List<ForecastModel> two = List.of(new SeasonalNaive(Season.DAILY), new SeasonalNaive(Season.WEEKLY));

        SelectionResult result = ModelSelection.select(two, noisy, DAY,
                CvConfig.DEFAULT.withSearchBudget(Duration.ZERO), tickingSeconds());

        assertThat(result.scored()).hasSize(1);
        assertThat(result.best().model()).isEqualTo(new SeasonalNaive(Season.DAILY));
    }

    @Test
    void skipsACandidateThatNeedsMoreHistoryThanTheFirstFoldHasAndSaysSo() {
        TimeSeries tenDays = SyntheticSeries.withNoise(SyntheticSeries.weekly(HOUR, 10), 0.5, 5);
        List<ForecastModel> two = List.of(new SeasonalNaive(Season.DAILY), new SeasonalNaive(Season.WEEKLY));

        SelectionResult result = ModelSelection.select(two, tenDays, DAY, CvConfig.DEFAULT.withFolds(4), STOPPED_CLOCK);

        assertThat(result.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.model()).isEqualTo(new SeasonalNaive(Season.WEEKLY));
            assertThat(skipped.reason()).contains("needs 168 steps");
        });
    }

    @Test
    void refusesASeriesTooShortForTheFolds() {
        TimeSeries threeDays = SyntheticSeries.daily(HOUR, 3, SyntheticSeries::dailyLoad);

        assertThatThrownBy(() -> ModelSelection.select(List.of(new SeasonalNaive(Season.DAILY)), threeDays, DAY,
                CvConfig.DEFAULT, STOPPED_CLOCK)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The grid is searched on the tuning window only: no variant is ever fitted on data from the selection window,
     * so the score that decides (and is reported) is not the one the search optimised.
     */
    @Test
    void tuningNeverSeesTheSelectionWindowAndOnlyFamilyWinnersReachIt() {
        TimeSeries noisy = SyntheticSeries.withNoise(SyntheticSeries.weekly(HOUR, 28), 0.5, 3);
        CvConfig config = CvConfig.DEFAULT;
        List<Fold> folds = RollingOrigin.folds(noisy.size(), DAY.steps(), config.folds());
        int selectionStart = folds.get(config.tuningFolds()).origin();
        java.util.Map<ForecastModel, java.util.List<Integer>> fittedOn = new java.util.concurrent.ConcurrentHashMap<>();
        List<ForecastModel> grid = java.util.stream.Stream.of(0.05, 0.1, 0.2, 0.4, 0.8)
                .<ForecastModel>map(alpha -> recording(new HoltWinters(alpha, 0.01, 0.1, 0.9, Season.DAILY), fittedOn))
                .toList();
        List<ForecastModel> candidates = new java.util.ArrayList<>(List.of(new SeasonalNaive(Season.DAILY),
                new SeasonalNaive(Season.WEEKLY)));
        candidates.addAll(grid);

        SelectionResult result = ModelSelection.select(candidates, noisy, DAY, config, STOPPED_CLOCK);

        assertThat(config.folds()).isGreaterThanOrEqualTo(14);
        List<ForecastModel> losers = grid.stream().filter(m -> result.finalists().stream()
                .noneMatch(f -> f.model().equals(m))).toList();
        assertThat(losers).hasSize(grid.size() - 1);
        assertThat(losers).allSatisfy(loser -> assertThat(fittedOn.get(loser))
                .allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(selectionStart - DAY.steps())));
        assertThat(result.finalists()).extracting(c -> c.model().family())
                .containsExactlyInAnyOrder("seasonal-naive-daily", "seasonal-naive-weekly", "holt-winters");
        assertThat(result.finalists()).allSatisfy(f -> assertThat(f.folds()).hasSize(config.selectionFolds()));
    }

    @Test
    void theBaselineIsTheBetterOfDailyAndWeeklyNaiveAndAModelMustBeatIt() {
        TimeSeries weekly = SyntheticSeries.withNoise(SyntheticSeries.weekly(HOUR, 28), 0.3, 8);
        List<ForecastModel> candidates = List.of(new SeasonalNaive(Season.DAILY), new SeasonalNaive(Season.WEEKLY),
                new Persistence());

        SelectionResult result = ModelSelection.select(candidates, weekly, DAY, CvConfig.DEFAULT, STOPPED_CLOCK);

        assertThat(result.baseline().model()).as("the weekend dip makes the weekly naive the better baseline")
                .isEqualTo(new SeasonalNaive(Season.WEEKLY));
        assertThat(result.best().model()).as("persistence does not beat it, so the baseline is used")
                .isEqualTo(new SeasonalNaive(Season.WEEKLY));
        assertThat(result.gainOverBaselinePercent()).isZero();
    }

    private static ForecastModel recording(ForecastModel inner, java.util.Map<ForecastModel, java.util.List<Integer>> log) {
        // A class, not a record: identity equality, so the log that holds it is not part of its hash.
        final class Recording implements ForecastModel {
            private final ForecastModel inner;
            private final java.util.Map<ForecastModel, java.util.List<Integer>> log;
            Recording(ForecastModel inner, java.util.Map<ForecastModel, java.util.List<Integer>> log) {
                this.inner = inner;
                this.log = log;
            }
            public String name() { return inner.name(); }
            public java.util.Map<String, String> parameters() { return inner.parameters(); }
            public int complexity() { return inner.complexity(); }
            public int minimumHistory(Duration step) { return inner.minimumHistory(step); }
            public org.vpp.forecast.model.FittedModel fit(TimeSeries history) {
                log.computeIfAbsent(this, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(history.size());
                return inner.fit(history);
            }
        }
        return new Recording(inner, log);
    }
}
