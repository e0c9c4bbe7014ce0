package org.vpp.forecast.validation;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of model selection.
 *
 * @param best       the model selected, scored on the selection window (the honest estimate of its error); a
 *                   baseline unless another finalist beat both baselines there
 * @param scored     every candidate tried in tuning, scored on the tuning window
 * @param skipped    candidates not tried, and why
 * @param finalists  each family's tuning winner, the combination and the baselines, scored on the selection window
 * @param baseline   the better of the daily and weekly seasonal naive forecasts on the selection window
 * @param quantiles  the residual quantiles of {@code best} over every fold
 */
public record SelectionResult(Metric metric, CandidateScore best, List<CandidateScore> scored,
                              List<SkippedCandidate> skipped, List<CandidateScore> finalists,
                              CandidateScore baseline, ResidualQuantiles quantiles) {

    public SelectionResult {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(quantiles, "quantiles");
        scored = List.copyOf(scored);
        skipped = List.copyOf(skipped);
        finalists = List.copyOf(finalists);
    }

    /** How much lower the selected model's error is than the baseline's on the selection window, in percent. */
    public double gainOverBaselinePercent() {
        return gain(metric.of(baseline.mean()), metric.of(best.mean()));
    }

    /**
     * The same gain as tuning saw it: the selected model's best tuning score against the baseline's tuning score.
     * Its excess over {@link #gainOverBaselinePercent()} is the optimism that searching many candidates buys.
     */
    public double tuningGainOverBaselinePercent() {
        CandidateScore tunedBest = tuningScoreOf(best);
        CandidateScore tunedBaseline = tuningScoreOf(baseline);
        return tunedBest == null || tunedBaseline == null ? Double.NaN
                : gain(metric.of(tunedBaseline.mean()), metric.of(tunedBest.mean()));
    }

    private CandidateScore tuningScoreOf(CandidateScore finalist) {
        return scored.stream().filter(c -> c.model().equals(finalist.model())).findFirst().orElse(null);
    }

    private static double gain(double reference, double achieved) {
        return 100 * (reference - achieved) / reference;
    }
}
