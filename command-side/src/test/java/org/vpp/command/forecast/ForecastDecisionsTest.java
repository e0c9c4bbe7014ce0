package org.vpp.command.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vpp.command.forecast.ForecastFixtures.NAIVE;
import static org.vpp.command.forecast.ForecastFixtures.PV;
import static org.vpp.command.forecast.ForecastFixtures.STEP;
import static org.vpp.command.forecast.ForecastFixtures.T0;
import static org.vpp.command.forecast.ForecastFixtures.issue;
import static org.vpp.command.forecast.ForecastFixtures.selected;
import static org.vpp.command.forecast.ForecastFixtures.selection;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vpp.command.common.Decision;
import org.vpp.messages.common.RejectionCode;
import org.vpp.messages.forecast.CandidateMetrics;
import org.vpp.messages.forecast.ForecastSourceEvent;
import org.vpp.messages.forecast.ForecastSourceKind;
import org.vpp.messages.forecast.RecordForecastIssued;
import org.vpp.messages.forecast.RecordModelSelection;

class ForecastDecisionsTest {

    private static final ForecastSourceState TRAINED = ForecastSourceState.selected(selected(T0));

    private static Decision.Rejected<ForecastSourceEvent> rejected(Decision<ForecastSourceEvent> decision) {
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        return (Decision.Rejected<ForecastSourceEvent>) decision;
    }

    @Test
    void aValidFirstSelectionIsRecordedAsItCame() {
        assertThat(ForecastDecisions.selectModel(null, selection(T0)).eventsOrThrow()).containsExactly(selected(T0));
    }

    @Test
    void aSelectionWithoutCandidatesIsRefusedWithoutLookingFurther() {
        var cmd = new RecordModelSelection(PV, ForecastSourceKind.PV, T0, 96, STEP, "MASE", "seasonal-naive",
                Map.of("season", "DAILY"), null, null, null, null, null, null);
        assertThat(rejected(ForecastDecisions.selectModel(null, cmd)).rejection().field()).isEqualTo("candidates");
    }

    @Test
    void anInfiniteMaseIsNotFinite() {
        var cmd = selection(T0, List.of(NAIVE, new CandidateMetrics("persistence", Map.of(), 1, 1, Double.POSITIVE_INFINITY, 3)));
        var refusal = rejected(ForecastDecisions.selectModel(null, cmd)).rejection();
        assertThat(refusal.field()).isEqualTo("candidates[1]");
        assertThat(refusal.code()).isEqualTo(RejectionCode.INVALID_VALUE);
    }

    @Test
    void aNegativeErrorIsRefused() {
        var cmd = selection(T0, List.of(new CandidateMetrics("seasonal-naive", Map.of("season", "DAILY"), -1, 1, 1, 3)));
        assertThat(rejected(ForecastDecisions.selectModel(null, cmd)).rejection().field()).isEqualTo("candidates[0]");
    }

    @Test
    void aKindThatContradictsTheIdIsRefused() {
        var ok = selection(T0);
        var cmd = new RecordModelSelection(PV, ForecastSourceKind.LOAD, T0, 96, STEP, "MASE", ok.model(), ok.parameters(),
                ok.candidates(), ok.skipped(), ok.historyStart(), ok.historyEnd(), null, null);
        assertThat(rejected(ForecastDecisions.selectModel(null, cmd)).rejection().field()).isEqualTo("kind");
    }

    @Test
    void aHistoryReachingPastTheTrainingInstantIsLookAhead() {
        var ok = selection(T0);
        var cmd = new RecordModelSelection(PV, ForecastSourceKind.PV, T0, 96, STEP, "MASE", ok.model(), ok.parameters(),
                ok.candidates(), ok.skipped(), ok.historyStart(), T0.plusSeconds(1), null, null);
        assertThat(rejected(ForecastDecisions.selectModel(null, cmd)).rejection().field()).isEqualTo("historyEnd");
    }

    @Test
    void anUnknownMetricIsRefused() {
        var ok = selection(T0);
        var cmd = new RecordModelSelection(PV, ForecastSourceKind.PV, T0, 96, STEP, "R2", ok.model(), ok.parameters(),
                ok.candidates(), ok.skipped(), ok.historyStart(), ok.historyEnd(), null, null);
        assertThat(rejected(ForecastDecisions.selectModel(null, cmd)).rejection().field()).isEqualTo("metric");
    }

    @Test
    void trainingAgainLaterIsAccepted() {
        assertThat(ForecastDecisions.selectModel(TRAINED, selection(T0.plus(Duration.ofHours(1)))).eventsOrThrow()).hasSize(1);
    }

    @Test
    void trainingAtTheSameInstantIsADuplicate() {
        assertThat(rejected(ForecastDecisions.selectModel(TRAINED, selection(T0))).rejection().code())
                .isEqualTo(RejectionCode.DUPLICATE);
    }

    @Test
    void anInferenceForANeverTrainedSourceIsRefused() {
        assertThat(rejected(ForecastDecisions.issueForecast(null, issue(T0, 96))).rejection().code())
                .isEqualTo(RejectionCode.NOT_FOUND);
    }

    @Test
    void aForecastWhoseOriginIsAfterItsIssueIsLookAhead() {
        var cmd = new RecordForecastIssued(PV, issue(T0, 96).forecastId(), T0, T0.plus(STEP), STEP, 96,
                "seasonal-naive", Map.of("season", "DAILY"));
        assertThat(rejected(ForecastDecisions.issueForecast(TRAINED, cmd)).rejection().field()).isEqualTo("origin");
    }

    @Test
    void aForecastBeyondTheValidatedHorizonIsRefused() {
        var refusal = rejected(ForecastDecisions.issueForecast(TRAINED, issue(T0, 200))).rejection();
        assertThat(refusal.field()).isEqualTo("horizonSteps");
        assertThat(refusal.code()).isEqualTo(RejectionCode.NOT_ALLOWED);
    }

    @Test
    void issuingTwiceAtTheSameInstantIsADuplicateAndEarlierIsTimeGoingBackwards() {
        ForecastSourceState issued = TRAINED.evolve(ForecastFixtures.issued(T0.plusSeconds(300), 96));
        assertThat(rejected(ForecastDecisions.issueForecast(issued, issue(T0.plusSeconds(300), 96))).rejection().code())
                .isEqualTo(RejectionCode.DUPLICATE);
        assertThat(rejected(ForecastDecisions.issueForecast(issued, issue(T0, 96))).rejection().code())
                .isEqualTo(RejectionCode.NOT_ALLOWED);
        assertThat(ForecastDecisions.issueForecast(issued, issue(T0.plusSeconds(600), 30)).eventsOrThrow()).hasSize(1);
    }

    @Test
    void aNewSelectionChangesTheModelForecastsMustUse() {
        var holt = ForecastFixtures.HOLT;
        var cmd = new RecordModelSelection(PV, ForecastSourceKind.PV, T0.plusSeconds(3600), 96, STEP, "MASE", holt.model(),
                holt.parameters(), List.of(NAIVE, holt), List.of(), T0, T0.plusSeconds(3600), null, null);
        ForecastSourceState retrained = TRAINED.evolve(ForecastDecisions.selectModel(TRAINED, cmd).eventsOrThrow().getFirst());
        assertThat(retrained.model()).isEqualTo("holt-winters");
        assertThat(rejected(ForecastDecisions.issueForecast(retrained, issue(T0.plusSeconds(3700), 96))).rejection().field())
                .isEqualTo("model");
    }
}
