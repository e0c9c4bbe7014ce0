package org.vpp.forecast.model;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.vpp.forecast.value.Season;
import org.vpp.kernel.TimeSeries;

/** Repeats the last full season: the baseline every other model has to beat, and the scale of MASE. */
public record SeasonalNaive(Season season) implements ForecastModel {

    public static final String NAME = "seasonal-naive";

    public SeasonalNaive {
        Objects.requireNonNull(season, "season");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Daily and weekly are two baselines, both kept to the end: the better of them is the one to beat. */
    @Override
    public String family() {
        return NAME + "-" + season.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether {@code model} is a seasonal naive baseline, bounded or not. */
    public static boolean isBaseline(ForecastModel model) {
        return model.name().equals(NAME);
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of("season", season.name());
    }

    @Override
    public int complexity() {
        return 1 + season.ordinal();
    }

    @Override
    public int minimumHistory(Duration step) {
        return season.length(step);
    }

    @Override
    public FittedModel fit(TimeSeries history) {
        int m = season.length(history.step());
        if (history.size() < m) {
            throw new IllegalArgumentException("seasonal naive needs one season (" + m + " steps), got " + history.size());
        }
        double[] lastSeason = history.slice(history.size() - m, history.size()).values();
        return steps -> {
            double[] forecast = new double[steps];
            for (int k = 0; k < steps; k++) {
                forecast[k] = lastSeason[k % m];
            }
            return forecast;
        };
    }
}
