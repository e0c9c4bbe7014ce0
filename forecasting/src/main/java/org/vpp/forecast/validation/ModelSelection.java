package org.vpp.forecast.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.vpp.forecast.model.ForecastModel;
import org.vpp.forecast.value.Horizon;
import org.vpp.kernel.TimeSeries;

/**
 * Scores candidates by rolling-origin cross-validation and keeps the best by the configured metric; on equal
 * error the simpler model wins. Candidates are tried in the order given (put the defaults of each family first,
 * grid variations after) while the search budget lasts. The budget is measured with the injected
 * {@code nanoTime}, so a test can pass a fake clock and get the same selection every run; in production pass
 * {@code System::nanoTime} and accept that a slow machine may try fewer variations.
 */
public final class ModelSelection {

    private static final double RELATIVE_TIE = 1e-9;

    private ModelSelection() {
    }

    public static SelectionResult select(List<? extends ForecastModel> candidates, TimeSeries series, Horizon horizon,
                                         CvConfig config, LongSupplier nanoTime) {
        int firstOrigin = CrossValidation.firstOrigin(series, horizon, config);
        long start = nanoTime.getAsLong();
        long budget = config.searchBudget().toNanos();
        List<CandidateScore> scored = new ArrayList<>();
        List<SkippedCandidate> skipped = new ArrayList<>();
        for (ForecastModel model : candidates) {
            int needed = model.minimumHistory(series.step());
            if (needed > firstOrigin) {
                skipped.add(new SkippedCandidate(model, "needs " + needed
                        + " steps of history, the first fold has " + firstOrigin));
            } else if (!scored.isEmpty() && nanoTime.getAsLong() - start >= budget) {
                skipped.add(new SkippedCandidate(model, "search budget of " + config.searchBudget() + " spent"));
            } else {
                scored.add(CrossValidation.evaluate(model, series, horizon, config));
            }
        }
        if (scored.isEmpty()) {
            throw new IllegalArgumentException("no candidate can be trained on " + series.size()
                    + " values with " + config.folds() + " folds of " + horizon.steps() + " steps: " + skipped);
        }
        return new SelectionResult(config.metric(), best(scored, config.metric()), scored, skipped);
    }

    static CandidateScore best(List<CandidateScore> scored, Metric metric) {
        CandidateScore best = scored.getFirst();
        for (CandidateScore candidate : scored.subList(1, scored.size())) {
            if (better(candidate, best, metric)) {
                best = candidate;
            }
        }
        return best;
    }

    private static boolean better(CandidateScore candidate, CandidateScore incumbent, Metric metric) {
        double a = metric.of(candidate.mean());
        double b = metric.of(incumbent.mean());
        if (Double.isNaN(a)) {
            return false;
        }
        if (Double.isNaN(b)) {
            return true;
        }
        // A relative tie only between finite scores: against an infinite one, |a - b| <= eps * inf would always hold.
        boolean tie = a == b || Double.isFinite(a) && Double.isFinite(b)
                && Math.abs(a - b) <= RELATIVE_TIE * Math.max(Math.abs(a), Math.abs(b));
        if (tie) {
            return candidate.model().complexity() < incumbent.model().complexity();
        }
        return a < b;
    }
}
