package org.vpp.bench.forecast;

import java.util.List;
import org.vpp.forecast.model.ForecastModel;
import org.vpp.forecast.model.SeasonalNaive;
import org.vpp.forecast.validation.CandidateScore;
import org.vpp.forecast.validation.CrossValidation;
import org.vpp.forecast.validation.CvConfig;
import org.vpp.forecast.validation.Metric;
import org.vpp.forecast.value.Horizon;
import org.vpp.kernel.TimeSeries;

/**
 * The selection as it was before issue 12, kept in the benchmark only to measure what changed: every candidate on
 * the same four folds, the lowest mean MASE wins, and its gain is reported against daily seasonal naive on those
 * same folds. The score that picks the winner is the score that reports it, which is where the optimism came from.
 */
public final class LegacySelection {

    private static final int FOLDS = 4;

    private LegacySelection() {
    }

    /** The winner, its CV gain over daily naive, and (filled in by the caller) its held-out gain. */
    public record Outcome(ForecastModel model, double cvGainPercent) {
    }

    public static Outcome select(List<ForecastModel> candidates, TimeSeries training, Horizon horizon) {
        CvConfig config = new CvConfig(FOLDS, Metric.MASE, org.vpp.forecast.value.Season.DAILY,
                java.time.Duration.ofSeconds(20));
        int firstOrigin = CrossValidation.firstOrigin(training, horizon, config);
        List<CandidateScore> scored = candidates.stream()
                .filter(model -> model.minimumHistory(training.step()) <= firstOrigin)
                .map(model -> CrossValidation.evaluate(model, training, horizon, config))
                .toList();
        CandidateScore best = scored.stream()
                .filter(c -> Double.isFinite(c.mean().mase()))
                .min(java.util.Comparator.comparingDouble(c -> c.mean().mase())).orElseThrow();
        double naive = scored.stream()
                .filter(c -> SeasonalNaive.isBaseline(c.model()) && c.parameters().get("season").equals("DAILY"))
                .findFirst().orElseThrow().mean().mase();
        return new Outcome(best.model(), 100 * (naive - best.mean().mase()) / naive);
    }
}
