package org.vpp.command.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vpp.command.forecast.ForecastFixtures.DAILY;
import static org.vpp.command.forecast.ForecastFixtures.NAIVE;
import static org.vpp.command.forecast.ForecastFixtures.PV;
import static org.vpp.command.forecast.ForecastFixtures.STEP;
import static org.vpp.command.forecast.ForecastFixtures.T0;
import static org.vpp.command.forecast.ForecastFixtures.selected;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vpp.command.common.Decision;
import org.vpp.messages.common.RejectionCode;
import org.vpp.messages.forecast.CandidateMetrics;
import org.vpp.messages.forecast.CrossValidationSummary;
import org.vpp.messages.forecast.ForecastEvaluated;
import org.vpp.messages.forecast.ForecastId;
import org.vpp.messages.forecast.ForecastSourceEvent;
import org.vpp.messages.forecast.ForecastSourceKind;
import org.vpp.messages.forecast.QuantileOffsets;
import org.vpp.messages.forecast.RecordForecastEvaluation;
import org.vpp.messages.forecast.RecordModelSelection;

/** The experiment log's honesty records: what the held-back folds promised, the band, and how forecasts turned out. */
class ForecastEvaluationDecisionsTest {

    private static final ForecastSourceState TRAINED = ForecastSourceState.selected(selected(T0));
    private static final Instant ISSUED = T0.plusSeconds(900);
    private static final Instant LATER = ISSUED.plus(Duration.ofDays(1));
    private static final CrossValidationSummary VALIDATION = new CrossValidationSummary(14, 7, 0.6, 0.9,
            "seasonal-naive", Map.of("season", "WEEKLY"), 0.7, 1.0, 12.5);
    private static final QuantileOffsets OFFSETS = new QuantileOffsets(4, List.of(-0.2, -0.1), List.of(0.0, 0.0),
            List.of(0.3, 0.2));

    private static RecordForecastEvaluation evaluation(Instant issuedAt, double mae, int steps, Double coverage) {
        return new RecordForecastEvaluation(PV, ForecastId.of(PV, issuedAt), issuedAt, LATER, mae, steps, coverage, 0.6);
    }

    private static Decision.Rejected<ForecastSourceEvent> rejected(Decision<ForecastSourceEvent> decision) {
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        return (Decision.Rejected<ForecastSourceEvent>) decision;
    }

    private static RecordModelSelection selection(CrossValidationSummary validation, QuantileOffsets quantiles) {
        CandidateMetrics deciding = new CandidateMetrics("seasonal-naive", DAILY, 0.6, 1.0, 0.9, 7,
                CandidateMetrics.SELECTION);
        return new RecordModelSelection(PV, ForecastSourceKind.PV, T0, 96, STEP, "MASE", "seasonal-naive", DAILY,
                List.of(NAIVE, deciding), List.of(), T0.minus(Duration.ofDays(28)), T0, validation, quantiles);
    }

    @Test
    void anEvaluationIsRecordedBesideWhatCrossValidationPromised() {
        var events = ForecastDecisions.evaluateForecast(TRAINED, evaluation(ISSUED, 0.8, 96, 0.75)).eventsOrThrow();

        assertThat(events).containsExactly(new ForecastEvaluated(PV, ForecastId.of(PV, ISSUED), ISSUED, LATER, 0.8, 96,
                0.75, 0.6));
        assertThat(TRAINED.evolve(events.getFirst()).lastEvaluatedIssuedAt()).isEqualTo(ISSUED);
    }

    @Test
    void evaluationsComeInIssueOrderAndARepeatIsADuplicate() {
        ForecastSourceState evaluated = TRAINED.evolve(
                ForecastDecisions.evaluateForecast(TRAINED, evaluation(ISSUED, 0.8, 96, null)).eventsOrThrow().getFirst());

        assertThat(rejected(ForecastDecisions.evaluateForecast(evaluated, evaluation(ISSUED, 0.8, 96, null)))
                .rejection().code()).isEqualTo(RejectionCode.DUPLICATE);
        assertThat(rejected(ForecastDecisions.evaluateForecast(evaluated, evaluation(ISSUED.minusSeconds(900), 0.8, 96, null)))
                .rejection().field()).isEqualTo("issuedAt");
        assertThat(ForecastDecisions.evaluateForecast(evaluated, evaluation(ISSUED.plusSeconds(3600), 0.8, 96, null))
                .eventsOrThrow()).hasSize(1);
    }

    @Test
    void absurdFiguresAreRefusedNamingTheirField() {
        assertThat(rejected(ForecastDecisions.evaluateForecast(TRAINED, evaluation(ISSUED, -1, 96, null))).rejection().field())
                .isEqualTo("realisedMae");
        assertThat(rejected(ForecastDecisions.evaluateForecast(TRAINED, evaluation(ISSUED, Double.NaN, 96, null)))
                .rejection().field()).isEqualTo("realisedMae");
        assertThat(rejected(ForecastDecisions.evaluateForecast(TRAINED, evaluation(ISSUED, 1e308 * 10, 96, null)))
                .rejection().field()).isEqualTo("realisedMae");
        assertThat(rejected(ForecastDecisions.evaluateForecast(TRAINED, evaluation(ISSUED, 0.8, 0, null))).rejection().field())
                .isEqualTo("actualSteps");
        assertThat(rejected(ForecastDecisions.evaluateForecast(TRAINED, evaluation(ISSUED, 0.8, 96, 1.5))).rejection().field())
                .isEqualTo("coverage");
        var beforeIssue = new RecordForecastEvaluation(PV, ForecastId.of(PV, ISSUED), ISSUED, ISSUED.minusSeconds(1), 0.8,
                96, null, null);
        assertThat(rejected(ForecastDecisions.evaluateForecast(TRAINED, beforeIssue)).rejection().field())
                .isEqualTo("evaluatedAt");
        var yearZero = new RecordForecastEvaluation(PV, ForecastId.of(PV, ISSUED), ISSUED,
                Instant.parse("0000-01-01T00:00:00Z"), 0.8, 96, null, null);
        assertThat(rejected(ForecastDecisions.evaluateForecast(TRAINED, yearZero)).rejection().field())
                .isEqualTo("evaluatedAt");
    }

    @Test
    void anUntrainedSourceHasNothingToEvaluate() {
        assertThat(rejected(ForecastDecisions.evaluateForecast(null, evaluation(ISSUED, 0.8, 96, null))).rejection().code())
                .isEqualTo(RejectionCode.NOT_FOUND);
    }

    @Test
    void aSelectionKeepsItsValidationAndQuantiles() {
        var event = (org.vpp.messages.forecast.ForecastModelSelected) ForecastDecisions
                .selectModel(null, selection(VALIDATION, OFFSETS)).eventsOrThrow().getFirst();

        assertThat(event.validation()).isEqualTo(VALIDATION);
        assertThat(event.quantiles()).isEqualTo(OFFSETS);
        assertThat(VALIDATION.gainPercent()).isCloseTo(10.0, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void anInconsistentValidationOrBandIsRefused() {
        var moreHeldBackThanFolds = new CrossValidationSummary(3, 4, 0.6, 0.9, "seasonal-naive", Map.of(), 0.7, 1.0, null);
        assertThat(rejected(ForecastDecisions.selectModel(null, selection(moreHeldBackThanFolds, null))).rejection().field())
                .isEqualTo("validation.folds");
        var infinite = new CrossValidationSummary(14, 7, Double.POSITIVE_INFINITY, 0.9, "seasonal-naive", Map.of(), 0.7, 1.0, null);
        assertThat(rejected(ForecastDecisions.selectModel(null, selection(infinite, null))).rejection().field())
                .isEqualTo("validation");
        var crossed = new QuantileOffsets(4, List.of(0.5), List.of(0.0), List.of(0.3));
        assertThat(rejected(ForecastDecisions.selectModel(null, selection(null, crossed))).rejection().field())
                .isEqualTo("quantiles");
        var badWindow = new CandidateMetrics("seasonal-naive", DAILY, 0.6, 1.0, 0.9, 7, "EVERYTHING");
        var cmd = new RecordModelSelection(PV, ForecastSourceKind.PV, T0, 96, STEP, "MASE", "seasonal-naive", DAILY,
                List.of(badWindow), List.of(), T0.minus(Duration.ofDays(28)), T0, null, null);
        assertThat(rejected(ForecastDecisions.selectModel(null, cmd)).rejection().field()).isEqualTo("candidates[0].window");
    }
}
