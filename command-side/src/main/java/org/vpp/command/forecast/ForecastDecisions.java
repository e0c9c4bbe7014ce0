package org.vpp.command.forecast;

import static org.vpp.command.common.Checks.firstLazily;
import static org.vpp.command.common.Checks.firstOf;
import static org.vpp.messages.common.RejectionCode.DUPLICATE;
import static org.vpp.messages.common.RejectionCode.INVALID_VALUE;
import static org.vpp.messages.common.RejectionCode.NOT_ALLOWED;
import static org.vpp.messages.common.RejectionCode.NOT_FOUND;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vpp.command.common.Decision;
import org.vpp.messages.common.CommandRejection;
import org.vpp.messages.common.RejectionCode;
import org.vpp.messages.forecast.CandidateMetrics;
import org.vpp.messages.forecast.CrossValidationSummary;
import org.vpp.messages.forecast.ForecastEvaluated;
import org.vpp.messages.forecast.QuantileOffsets;
import org.vpp.messages.forecast.RecordForecastEvaluation;
import org.vpp.messages.forecast.ForecastIssued;
import org.vpp.messages.forecast.ForecastModelSelected;
import org.vpp.messages.forecast.ForecastSourceEvent;
import org.vpp.messages.forecast.RecordForecastIssued;
import org.vpp.messages.forecast.RecordModelSelection;

/**
 * The ForecastSource aggregate's decisions as pure functions: the state (null for a source never trained) and
 * the command in, events or a rejection out. The experiment log only takes what can be read back: finite
 * metrics, a winner that was among the candidates, and time that only moves forward.
 */
public final class ForecastDecisions {

    public static final Set<String> METRICS = Set.of("MAE", "RMSE", "MASE");
    public static final int MAX_HORIZON_STEPS = 10_000;

    private ForecastDecisions() {
    }

    public static Decision<ForecastSourceEvent> selectModel(ForecastSourceState state, RecordModelSelection cmd) {
        // Lazily, in the order of the rulebook: later checks rely on earlier ones (e.g. candidates present).
        Optional<CommandRejection> refusal = firstLazily(
                () -> required("sourceId", cmd.sourceId()),
                () -> kindMatchesId(cmd),
                () -> required("trainedAt", cmd.trainedAt()),
                () -> horizonProblem(cmd.horizonSteps()),
                () -> stepProblem(cmd.step()),
                () -> metricProblem(cmd.metric()),
                () -> blank("model", cmd.model()),
                () -> candidatesProblem(cmd.candidates()),
                () -> selectedAmongCandidates(cmd),
                () -> historyProblem(cmd),
                () -> validationProblem(cmd.validation()),
                () -> quantilesProblem(cmd.quantiles()));
        if (refusal.isPresent()) return Decision.reject(refusal.get());
        if (state != null) {
            if (cmd.trainedAt().equals(state.lastTrainedAt())) {
                return reject("trainedAt", DUPLICATE, "a selection trained at " + cmd.trainedAt() + " is already recorded");
            }
            if (cmd.trainedAt().isBefore(state.lastTrainedAt())) {
                return reject("trainedAt", NOT_ALLOWED, "time went backwards: trained at " + cmd.trainedAt()
                        + ", before the last training at " + state.lastTrainedAt());
            }
        }
        return Decision.accept(new ForecastModelSelected(cmd.sourceId(), cmd.kind(), cmd.trainedAt(), cmd.horizonSteps(),
                cmd.step(), cmd.metric(), cmd.model(), params(cmd.parameters()), cmd.candidates(),
                cmd.skipped() == null ? List.of() : cmd.skipped(), cmd.historyStart(), cmd.historyEnd(),
                cmd.validation(), cmd.quantiles()));
    }

    /**
     * An evaluation of an issued forecast: finite, non-negative errors, a coverage that is a share, and, since the
     * aggregate keeps only the last one, evaluations in the order the forecasts were issued (a repeat is a duplicate).
     */
    public static Decision<ForecastSourceEvent> evaluateForecast(ForecastSourceState state, RecordForecastEvaluation cmd) {
        if (state == null) {
            return reject("sourceId", NOT_FOUND, "source " + cmd.sourceId() + " has never been trained; nothing to evaluate");
        }
        Optional<CommandRejection> refusal = firstOf(
                required("forecastId", cmd.forecastId()),
                required("issuedAt", cmd.issuedAt()),
                required("evaluatedAt", cmd.evaluatedAt()),
                nonNegative("realisedMae", cmd.realisedMae()),
                cmd.actualSteps() >= 1 && cmd.actualSteps() <= MAX_HORIZON_STEPS ? Optional.empty()
                        : rejection("actualSteps", INVALID_VALUE, "must be between 1 and " + MAX_HORIZON_STEPS
                                + ", got " + cmd.actualSteps()),
                cmd.coverage() == null || cmd.coverage() >= 0 && cmd.coverage() <= 1 ? Optional.empty()
                        : rejection("coverage", INVALID_VALUE, "must be a share between 0 and 1, got " + cmd.coverage()),
                cmd.cvMae() == null ? Optional.empty() : nonNegative("cvMae", cmd.cvMae()));
        if (refusal.isPresent()) return Decision.reject(refusal.get());
        if (cmd.evaluatedAt().isBefore(cmd.issuedAt())) {
            return reject("evaluatedAt", INVALID_VALUE, "a forecast cannot be evaluated (" + cmd.evaluatedAt()
                    + ") before it was issued (" + cmd.issuedAt() + ")");
        }
        if (state.lastEvaluatedIssuedAt() != null && !cmd.issuedAt().isAfter(state.lastEvaluatedIssuedAt())) {
            return reject("issuedAt", DUPLICATE, "forecasts issued up to " + state.lastEvaluatedIssuedAt()
                    + " are already evaluated");
        }
        return Decision.accept(new ForecastEvaluated(state.id(), cmd.forecastId(), cmd.issuedAt(), cmd.evaluatedAt(),
                cmd.realisedMae(), cmd.actualSteps(), cmd.coverage(), cmd.cvMae()));
    }

    private static Optional<CommandRejection> nonNegative(String field, double value) {
        return Double.isFinite(value) && value >= 0 ? Optional.empty()
                : rejection(field, INVALID_VALUE, "must be a finite number >= 0, got " + value);
    }

    private static Optional<CommandRejection> validationProblem(CrossValidationSummary validation) {
        if (validation == null) return Optional.empty();
        if (validation.folds() < 1 || validation.selectionFolds() < 1 || validation.selectionFolds() > validation.folds()) {
            return rejection("validation.folds", INVALID_VALUE, "at least one fold, and no more held back than there are: "
                    + validation.selectionFolds() + " of " + validation.folds());
        }
        if (!validation.finite() || validation.selectedMae() < 0 || validation.baselineMae() < 0
                || validation.selectedMase() < 0 || validation.baselineMase() < 0) {
            return rejection("validation", INVALID_VALUE, "errors must be finite numbers >= 0");
        }
        return validation.baselineModel() == null || validation.baselineModel().isBlank()
                ? rejection("validation.baselineModel", INVALID_VALUE, "is required") : Optional.empty();
    }

    private static Optional<CommandRejection> quantilesProblem(QuantileOffsets quantiles) {
        if (quantiles == null) return Optional.empty();
        String problem = quantiles.problem();
        return problem == null ? Optional.empty() : rejection("quantiles", INVALID_VALUE, problem);
    }

    public static Decision<ForecastSourceEvent> issueForecast(ForecastSourceState state, RecordForecastIssued cmd) {
        if (state == null) {
            return reject("sourceId", NOT_FOUND, "source " + cmd.sourceId() + " has never been trained; no model to forecast with");
        }
        Optional<CommandRejection> refusal = firstOf(
                required("forecastId", cmd.forecastId()),
                required("issuedAt", cmd.issuedAt()),
                required("origin", cmd.origin()),
                stepProblem(cmd.step()),
                horizonProblem(cmd.horizonSteps()),
                blank("model", cmd.model()));
        if (refusal.isPresent()) return Decision.reject(refusal.get());
        if (cmd.origin().isAfter(cmd.issuedAt())) {
            return reject("origin", INVALID_VALUE, "a forecast cannot start from history after its issue instant "
                    + cmd.issuedAt() + " (origin " + cmd.origin() + ")");
        }
        if (cmd.horizonSteps() > state.trainedHorizonSteps()) {
            return reject("horizonSteps", NOT_ALLOWED, "the model was validated for " + state.trainedHorizonSteps()
                    + " steps; a forecast of " + cmd.horizonSteps() + " would reach beyond what was tested");
        }
        if (!cmd.model().equals(state.model()) || !params(cmd.parameters()).equals(state.parameters())) {
            return reject("model", NOT_ALLOWED, "the selected model is " + state.model() + state.parameters()
                    + ", not " + cmd.model() + params(cmd.parameters()));
        }
        if (state.lastIssuedAt() != null) {
            if (cmd.issuedAt().equals(state.lastIssuedAt())) {
                return reject("issuedAt", DUPLICATE, "a forecast issued at " + cmd.issuedAt() + " is already recorded");
            }
            if (cmd.issuedAt().isBefore(state.lastIssuedAt())) {
                return reject("issuedAt", NOT_ALLOWED, "time went backwards: issued at " + cmd.issuedAt()
                        + ", before the last forecast at " + state.lastIssuedAt());
            }
        }
        return Decision.accept(new ForecastIssued(state.id(), cmd.forecastId(), state.kind(), cmd.issuedAt(),
                cmd.origin(), cmd.step(), cmd.horizonSteps(), cmd.model(), params(cmd.parameters())));
    }

    static Optional<CommandRejection> candidatesProblem(List<CandidateMetrics> candidates) {
        if (candidates == null || candidates.isEmpty()) {
            return rejection("candidates", INVALID_VALUE, "at least one scored candidate is required");
        }
        for (int i = 0; i < candidates.size(); i++) {
            CandidateMetrics c = candidates.get(i);
            if (c == null || c.model() == null || c.model().isBlank()) {
                return rejection("candidates[" + i + "].model", INVALID_VALUE, "is required");
            }
            if (!c.finite()) {
                return rejection("candidates[" + i + "]", INVALID_VALUE, "metrics must be finite numbers, got MAE "
                        + c.mae() + ", RMSE " + c.rmse() + ", MASE " + c.mase());
            }
            if (c.mae() < 0 || c.rmse() < 0 || c.mase() < 0) {
                return rejection("candidates[" + i + "]", INVALID_VALUE, "error measures cannot be negative");
            }
            if (c.folds() < 1) {
                return rejection("candidates[" + i + "].folds", INVALID_VALUE, "at least one fold, got " + c.folds());
            }
            if (c.window() != null && !c.window().equals(CandidateMetrics.TUNING)
                    && !c.window().equals(CandidateMetrics.SELECTION)) {
                return rejection("candidates[" + i + "].window", INVALID_VALUE, "must be " + CandidateMetrics.TUNING
                        + " or " + CandidateMetrics.SELECTION);
            }
        }
        return Optional.empty();
    }

    static Optional<CommandRejection> selectedAmongCandidates(RecordModelSelection cmd) {
        boolean found = cmd.candidates().stream().anyMatch(c -> c.sameModelAs(cmd.model(), params(cmd.parameters())));
        return found ? Optional.empty() : rejection("model", INVALID_VALUE,
                "the selected model " + cmd.model() + params(cmd.parameters()) + " is not among the scored candidates");
    }

    private static Optional<CommandRejection> kindMatchesId(RecordModelSelection cmd) {
        if (cmd.kind() == null) return rejection("kind", INVALID_VALUE, "is required");
        return cmd.kind() == cmd.sourceId().kind() ? Optional.empty()
                : rejection("kind", INVALID_VALUE, "source " + cmd.sourceId() + " is not of kind " + cmd.kind());
    }

    private static Optional<CommandRejection> historyProblem(RecordModelSelection cmd) {
        if (cmd.historyStart() == null || cmd.historyEnd() == null) {
            return rejection("historyStart", INVALID_VALUE, "the history trained on is required");
        }
        if (!cmd.historyStart().isBefore(cmd.historyEnd())) {
            return rejection("historyEnd", INVALID_VALUE, "history must end after it starts");
        }
        if (cmd.historyEnd().isAfter(cmd.trainedAt())) {
            return rejection("historyEnd", INVALID_VALUE, "history ending at " + cmd.historyEnd()
                    + " is after the training instant " + cmd.trainedAt() + ": look-ahead");
        }
        return Optional.empty();
    }

    private static Optional<CommandRejection> horizonProblem(int steps) {
        return steps >= 1 && steps <= MAX_HORIZON_STEPS ? Optional.empty()
                : rejection("horizonSteps", INVALID_VALUE, "must be between 1 and " + MAX_HORIZON_STEPS + ", got " + steps);
    }

    private static Optional<CommandRejection> stepProblem(Duration step) {
        return step != null && !step.isNegative() && !step.isZero() ? Optional.empty()
                : rejection("step", INVALID_VALUE, "must be a positive duration");
    }

    private static Optional<CommandRejection> metricProblem(String metric) {
        return metric != null && METRICS.contains(metric) ? Optional.empty()
                : rejection("metric", INVALID_VALUE, "must be one of " + METRICS.stream().sorted().toList());
    }

    private static Optional<CommandRejection> required(String field, Object value) {
        return value != null ? Optional.empty() : rejection(field, INVALID_VALUE, "is required");
    }

    private static Optional<CommandRejection> blank(String field, String value) {
        return value != null && !value.isBlank() ? Optional.empty() : rejection(field, INVALID_VALUE, "is required");
    }

    private static Map<String, String> params(Map<String, String> parameters) {
        return parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    private static Optional<CommandRejection> rejection(String field, RejectionCode code, String message) {
        return Optional.of(CommandRejection.of(field, code, message));
    }

    private static Decision<ForecastSourceEvent> reject(String field, RejectionCode code, String message) {
        return Decision.reject(CommandRejection.of(field, code, message));
    }
}
