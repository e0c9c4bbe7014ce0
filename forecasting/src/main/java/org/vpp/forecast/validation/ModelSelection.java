package org.vpp.forecast.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.vpp.forecast.model.ForecastModel;
import org.vpp.forecast.model.MedianCombination;
import org.vpp.forecast.model.SeasonalNaive;
import org.vpp.forecast.value.Horizon;
import org.vpp.kernel.TimeSeries;

/**
 * Selection in two stages over rolling origins (see {@link CvConfig}):
 * <ol>
 *   <li><b>Tuning.</b> Every candidate is scored on the tuning window, in the order given (defaults of each
 *       family first, grid variations after) while the search budget lasts; each family keeps its best.</li>
 *   <li><b>Selection.</b> The family winners, the median of the best {@value #COMBINED} non-baseline winners,
 *       and both seasonal naive baselines are scored on the held-back selection window. The best finalist is
 *       selected only if it beats the better of the two baselines there; otherwise that baseline is.</li>
 * </ol>
 * On equal error the simpler model wins. The budget is measured with the injected {@code nanoTime}, so a test can
 * pass a fake clock and get the same selection every run; in production pass {@code System::nanoTime} and accept
 * that a slow machine may try fewer variations.
 */
public final class ModelSelection {

    static final int COMBINED = 3;
    private static final double RELATIVE_TIE = 1e-9;

    private ModelSelection() {
    }

    public static SelectionResult select(List<? extends ForecastModel> candidates, TimeSeries series, Horizon horizon,
                                         CvConfig config, LongSupplier nanoTime) {
        List<Fold> folds = RollingOrigin.folds(series.size(), horizon.steps(), config.folds());
        List<Fold> tuning = folds.subList(0, config.tuningFolds());
        List<Fold> selection = folds.subList(folds.size() - config.selectionFolds(), folds.size());
        int firstOrigin = folds.getFirst().origin();
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
                scored.add(CrossValidation.evaluate(model, series, config, tuning));
            }
        }
        if (scored.stream().noneMatch(c -> SeasonalNaive.isBaseline(c.model()))) {
            throw new IllegalArgumentException("no baseline can be trained on " + series.size()
                    + " values with " + config.folds() + " folds of " + horizon.steps() + " steps: " + skipped);
        }
        Map<String, CandidateScore> winners = familyWinners(scored, config.metric());
        List<ForecastModel> finalistModels = new ArrayList<>(winners.values().stream().map(CandidateScore::model).toList());
        combination(winners.values(), config.metric()).ifPresent(finalistModels::add);
        List<CandidateScore> finalists = finalistModels.stream()
                .map(model -> CrossValidation.evaluate(model, series, config, selection)).toList();
        CandidateScore baseline = best(finalists.stream().filter(c -> SeasonalNaive.isBaseline(c.model())).toList(),
                config.metric());
        // The baselines are finalists too: a model is selected only by beating both (a tie goes to the simpler).
        CandidateScore selected = best(finalists, config.metric());
        ResidualQuantiles quantiles = ResidualQuantiles.of(residualsOnEveryFold(selected, scored, series, config, tuning,
                selection), horizon.steps());
        return new SelectionResult(config.metric(), selected, scored, skipped, finalists, baseline, quantiles);
    }

    /** The best-scoring variant of each family, in the order families first appear. */
    static Map<String, CandidateScore> familyWinners(List<CandidateScore> scored, Metric metric) {
        Map<String, CandidateScore> winners = new LinkedHashMap<>();
        for (CandidateScore candidate : scored) {
            winners.merge(candidate.model().family(), candidate,
                    (incumbent, challenger) -> better(challenger, incumbent, metric) ? challenger : incumbent);
        }
        return winners;
    }

    /** The median of the best non-baseline family winners by tuning score, when there are at least two. */
    private static java.util.Optional<ForecastModel> combination(java.util.Collection<CandidateScore> winners, Metric metric) {
        List<ForecastModel> members = winners.stream()
                .filter(c -> !SeasonalNaive.isBaseline(c.model()) && Double.isFinite(metric.of(c.mean())))
                .sorted(Comparator.comparingDouble(c -> metric.of(c.mean())))
                .limit(COMBINED)
                .map(CandidateScore::model)
                .toList();
        return members.size() < 2 ? java.util.Optional.empty() : java.util.Optional.of(new MedianCombination(members));
    }

    /** The selected model's residuals on tuning and selection folds (tuning scores reused when it has them). */
    private static List<double[]> residualsOnEveryFold(CandidateScore selected, List<CandidateScore> scored,
                                                       TimeSeries series, CvConfig config, List<Fold> tuning,
                                                       List<Fold> selection) {
        CandidateScore tuned = scored.stream().filter(c -> c.model().equals(selected.model())).findFirst()
                .orElseGet(() -> CrossValidation.evaluate(selected.model(), series, config, tuning));
        List<double[]> residuals = new ArrayList<>();
        tuned.folds().forEach(fold -> residuals.add(fold.residuals()));
        if (!tuning.equals(selection)) {
            selected.folds().forEach(fold -> residuals.add(fold.residuals()));
        }
        return residuals;
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
