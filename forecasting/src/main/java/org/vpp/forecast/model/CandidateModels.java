package org.vpp.forecast.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vpp.forecast.value.Horizon;
import org.vpp.forecast.value.Season;
import org.vpp.forecast.value.Source;
import org.vpp.forecast.value.SourceKind;
import org.vpp.kernel.GeoLocation;

/**
 * The candidates tried for a source, in the order selection tries them: the default of each family first, so
 * that a tight search budget still compares every family, then a small grid of variations.
 */
public final class CandidateModels {

    private static final double[] ALPHAS = {0.05, 0.2, 0.5};
    private static final double[] BETAS = {0.01, 0.1};
    private static final double[] GAMMAS = {0.05, 0.2, 0.5};
    private static final double[] PHIS = {0.0, 0.9, 1.0};

    private CandidateModels() {
    }

    /**
     * Lags of a week or more only where the week means something: load and prices follow the working week, the sun
     * and the wind do not, and a search that offers them weekly lags only lets chance pick one (it did, on real
     * wind). The weekly seasonal naive forecast stays for every kind: it is a baseline, not a candidate to tune.
     */
    public static List<ForecastModel> forSource(Source source, Duration step, Horizon horizon) {
        List<ForecastModel> raw = new ArrayList<>();
        raw.add(new SeasonalNaive(Season.DAILY));
        raw.add(new SeasonalNaive(Season.WEEKLY));
        raw.add(new Persistence());
        List<SimilarDays> similarDays = similarDays(source);
        if (!similarDays.isEmpty()) {
            raw.add(similarDays.getFirst());
        }
        HoltWinters defaultHoltWinters = new HoltWinters(0.2, 0.01, 0.2, 0.9, Season.DAILY);
        raw.add(defaultHoltWinters);
        List<List<Duration>> lagSets = lagSets(step, horizon).stream()
                .filter(lags -> source.kind().followsTheWeek() || lags.stream().allMatch(lag -> lag.toDays() < 7))
                .toList();
        raw.add(regression(source, lagSets.getFirst()));
        raw.add(boosting(source, lagSets.getFirst(), 6, 0.05, 300));
        if (source.weather().isPresent()) {
            // From the weather forecast and the calendar alone: yesterday's wind says little about tomorrow's.
            raw.add(boosting(source, List.of(), 6, 0.05, 300));
        }
        for (double alpha : ALPHAS) {
            for (double beta : BETAS) {
                for (double gamma : GAMMAS) {
                    for (double phi : PHIS) {
                        HoltWinters variation = new HoltWinters(alpha, beta, gamma, phi, Season.DAILY);
                        if (!variation.equals(defaultHoltWinters) && !(phi == 0 && beta != BETAS[0])) {
                            raw.add(variation);
                        }
                    }
                }
            }
        }
        if (!similarDays.isEmpty()) {
            raw.addAll(similarDays.subList(1, similarDays.size()));
        }
        lagSets.subList(1, lagSets.size()).forEach(lags -> raw.add(regression(source, lags)));
        raw.add(boosting(source, lagSets.getFirst(), 4, 0.1, 150));
        return raw.stream().map(model -> PhysicalBounds.around(model, source)).toList();
    }

    /**
     * Yesterday and last week first (by default), then each alone, then with the day before yesterday too, then
     * yesterday and the day before, then the last three weeks.
     */
    static List<List<Duration>> lagSets(Duration step, Horizon horizon) {
        List<Duration> dayAndWeek = LagRegression.horizonSafeLags(step, horizon.steps(), Season.DAILY, Season.WEEKLY);
        List<Duration> day = LagRegression.horizonSafeLags(step, horizon.steps(), Season.DAILY);
        List<Duration> week = LagRegression.horizonSafeLags(step, horizon.steps(), Season.WEEKLY);
        List<Duration> twoDaysAndWeek = new ArrayList<>(dayAndWeek);
        Duration twoDays = day.getFirst().plus(Season.DAILY.period());
        if (!twoDaysAndWeek.contains(twoDays)) {
            twoDaysAndWeek.add(1, twoDays);
        }
        // Three weeks back: their mean is last week's profile with a third of its noise, which is what beats the
        // weekly naive forecast on a load whose week repeats.
        List<Duration> threeWeeks = List.of(week.getFirst(), week.getFirst().multipliedBy(2), week.getFirst().multipliedBy(3));
        List<Duration> dayAndTwoDays = List.of(day.getFirst(), twoDays);
        return List.of(dayAndWeek, day, week, List.copyOf(twoDaysAndWeek), dayAndTwoDays, threeWeeks).stream()
                .distinct().toList();
    }

    /**
     * Means of like days, for load only: by working day (ten, and five), by midweek day (nine) and by weekday
     * (four), each brought to the last week's level. Tried for prices, PV and wind too, they won some windows and
     * lost others (docs/benchmarks.md, "Similar days for load"), so they stay where the similar-day method is the
     * trade's own.
     */
    static List<SimilarDays> similarDays(Source source) {
        if (source.kind() != SourceKind.LOAD) {
            return List.of();
        }
        SimilarDays.Level level = SimilarDays.Level.RATIO;
        return List.of(
                new SimilarDays(10, SimilarDays.Pooling.WORKDAYS, level, source.zone()),
                new SimilarDays(5, SimilarDays.Pooling.WORKDAYS, level, source.zone()),
                new SimilarDays(9, SimilarDays.Pooling.MIDWEEK, level, source.zone()),
                new SimilarDays(4, SimilarDays.Pooling.SAME_WEEKDAY, level, source.zone()));
    }

    private static GradientBoosting boosting(Source source, List<Duration> lags, int depth, double learningRate,
                                             int rounds) {
        Optional<GeoLocation> clearSky = source.kind() == SourceKind.PV ? source.site() : Optional.empty();
        return new GradientBoosting(lags, source.zone(), clearSky, source.weather(), depth, learningRate, rounds);
    }

    private static LagRegression regression(Source source, List<Duration> lags) {
        Optional<GeoLocation> clearSky = source.kind() == SourceKind.PV ? source.site() : Optional.empty();
        return new LagRegression(lags, source.zone(), clearSky, LagRegression.DEFAULT_RIDGE);
    }
}
