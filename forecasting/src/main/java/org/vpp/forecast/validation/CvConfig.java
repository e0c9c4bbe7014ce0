package org.vpp.forecast.validation;

import java.time.Duration;
import java.util.Objects;
import org.vpp.forecast.value.Season;

/**
 * How candidates are compared: number of rolling-origin folds, the metric that picks the winner, the season of
 * the naive forecast that scales MASE, and the time allowed for trying candidates beyond the first.
 */
public record CvConfig(int folds, Metric metric, Season maseSeason, Duration searchBudget) {

    public static final CvConfig DEFAULT = new CvConfig(4, Metric.MASE, Season.DAILY, Duration.ofSeconds(20));

    public CvConfig {
        if (folds < 1) {
            throw new IllegalArgumentException("at least one fold, was " + folds);
        }
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(maseSeason, "maseSeason");
        if (searchBudget.isNegative()) {
            throw new IllegalArgumentException("search budget must not be negative: " + searchBudget);
        }
    }

    public CvConfig withFolds(int count) {
        return new CvConfig(count, metric, maseSeason, searchBudget);
    }

    public CvConfig withMetric(Metric chosen) {
        return new CvConfig(folds, chosen, maseSeason, searchBudget);
    }

    public CvConfig withSearchBudget(Duration budget) {
        return new CvConfig(folds, metric, maseSeason, budget);
    }
}
