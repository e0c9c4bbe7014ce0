package org.vpp.bench.forecast;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.vpp.forecast.validation.CandidateScore;
import org.vpp.forecast.validation.Metric;

/**
 * Prints one block per source: the best-scoring variant of each model family with its mean cross-validation
 * errors, the selection, and the held-out comparison with seasonal naive.
 */
public final class Report {

    private Report() {
    }

    public static void print(SourceRun run, PrintStream out) {
        var selection = run.training().selection();
        out.printf(Locale.ROOT, "%n== %s: %d values of %s, %d candidates scored, %d skipped%n",
                run.source().name(), run.source().series().size(), run.source().series().step(),
                selection.scored().size(), selection.skipped().size());
        out.printf(Locale.ROOT, "   %-44s %10s %10s %8s%n", "model (best variant per family, mean of folds)",
                "MAE", "RMSE", "MASE");
        for (CandidateScore candidate : bestPerFamily(selection.scored(), selection.metric()).values()) {
            out.printf(Locale.ROOT, "   %-44s %10.4f %10.4f %8.4f%n", label(candidate),
                    candidate.mean().mae(), candidate.mean().rmse(), candidate.mean().mase());
        }
        CandidateScore best = selection.best();
        out.printf(Locale.ROOT, "   selected: %s %s%n", best.name(), new TreeMap<>(best.parameters()));
        out.printf(Locale.ROOT, "   CV %s improvement over daily seasonal naive: %.1f %%%n", selection.metric(),
                run.training().improvementOverBaselinePercent().orElse(Double.NaN));
        out.printf(Locale.ROOT, "   held-out %d days, day-ahead MAE: selected %.4f, seasonal naive %.4f, improvement %.1f %%%n",
                run.heldOutDays(), run.heldOutMaeSelected(), run.heldOutMaeNaive(), run.heldOutImprovementPercent());
        out.printf(Locale.ROOT, "   time: training %.0f ms, inference %.1f ms per forecast%n",
                run.trainingMs(), run.inferenceMs());
    }

    private static Map<String, CandidateScore> bestPerFamily(Iterable<CandidateScore> scored, Metric metric) {
        Map<String, CandidateScore> best = new LinkedHashMap<>();
        Comparator<CandidateScore> byMetric = Comparator.comparingDouble(candidate -> metric.of(candidate.mean()));
        for (CandidateScore candidate : scored) {
            String family = family(candidate);
            best.merge(family, candidate, (a, b) -> byMetric.compare(b, a) < 0 ? b : a);
        }
        return best;
    }

    /** Seasonal naive is two families (daily and weekly) so both baselines show. */
    private static String family(CandidateScore candidate) {
        return candidate.name().equals("seasonal-naive")
                ? candidate.name() + " " + candidate.parameters().get("season") : candidate.name();
    }

    private static String label(CandidateScore candidate) {
        Map<String, String> parameters = new TreeMap<>(candidate.parameters());
        return switch (candidate.name()) {
            case "seasonal-naive" -> "seasonal-naive " + parameters.get("season").toLowerCase(Locale.ROOT);
            case "holt-winters" -> String.format(Locale.ROOT, "holt-winters a=%s b=%s g=%s phi=%s",
                    parameters.get("alpha"), parameters.get("beta"), parameters.get("gamma"), parameters.get("phi"));
            case "persistence" -> "persistence (last value)";
            case "lag-regression" -> "lag-regression lags=" + parameters.get("lags")
                    + ("true".equals(parameters.get("clearSky")) ? " +clear-sky" : "");
            default -> candidate.name() + parameters;
        };
    }
}
