package org.vpp.forecast.validation;

import java.time.Duration;
import java.util.Objects;
import org.vpp.forecast.value.Season;

/**
 * How candidates are compared: the number of rolling-origin folds, how many of the last of them form the
 * held-back <em>selection window</em>, the metric that picks the winner, the season of the naive forecast that
 * scales MASE, and the time allowed for trying candidates beyond the first.
 *
 * <p>The folds before the selection window are the <em>tuning window</em>: every candidate is scored there and
 * each family keeps its best variant. Only those few family winners (and the two naive baselines) are then
 * scored on the selection window, which no tuning saw; that score decides and is the one reported. Picking the
 * best of some fifty candidates on the same folds that report its error is what made cross-validation promise
 * more than held-out days delivered.
 *
 * @param folds          rolling-origin folds in all; with a one-day horizon, the number of daily origins
 * @param selectionFolds how many of the last folds are held back for the selection; at least one, and fewer than
 *                       {@code folds} unless there is a single fold (then tuning and selection share it)
 */
public record CvConfig(int folds, Metric metric, Season maseSeason, Duration searchBudget, int selectionFolds) {

    /** Fourteen daily origins, the last seven (a whole week, every weekday once) held back for the selection. */
    public static final CvConfig DEFAULT = new CvConfig(14, Metric.MASE, Season.DAILY, Duration.ofSeconds(20), 7);

    public CvConfig {
        if (folds < 1) {
            throw new IllegalArgumentException("at least one fold, was " + folds);
        }
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(maseSeason, "maseSeason");
        if (searchBudget.isNegative()) {
            throw new IllegalArgumentException("search budget must not be negative: " + searchBudget);
        }
        if (selectionFolds < 1 || (selectionFolds >= folds && folds > 1)) {
            throw new IllegalArgumentException("selection folds must be at least 1 and fewer than the " + folds
                    + " folds, was " + selectionFolds);
        }
    }

    /** Half the folds, at most a week of daily ones, held back for the selection (see {@link #defaultSelectionFolds}). */
    public CvConfig(int folds, Metric metric, Season maseSeason, Duration searchBudget) {
        this(folds, metric, maseSeason, searchBudget, defaultSelectionFolds(folds));
    }

    /**
     * Half the folds, at most seven: with daily origins a selection window of a whole week sees every weekday once.
     * A shorter one can pick daily naive on five weekdays and lose to it on the week's Mondays and Saturdays, as the
     * benchmark's summer prices showed with five.
     */
    public static int defaultSelectionFolds(int folds) {
        return Math.max(1, Math.min(7, folds / 2));
    }

    /** The folds tuning sees: all but the selection window, or the single fold. */
    public int tuningFolds() {
        return folds == 1 ? 1 : folds - selectionFolds;
    }

    public CvConfig withFolds(int count) {
        return new CvConfig(count, metric, maseSeason, searchBudget, defaultSelectionFolds(count));
    }

    public CvConfig withFolds(int count, int selection) {
        return new CvConfig(count, metric, maseSeason, searchBudget, selection);
    }

    public CvConfig withMetric(Metric chosen) {
        return new CvConfig(folds, chosen, maseSeason, searchBudget, selectionFolds);
    }

    public CvConfig withSearchBudget(Duration budget) {
        return new CvConfig(folds, metric, maseSeason, budget, selectionFolds);
    }
}
