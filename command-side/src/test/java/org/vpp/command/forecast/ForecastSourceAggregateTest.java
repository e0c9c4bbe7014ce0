package org.vpp.command.forecast;

import static org.vpp.command.forecast.ForecastFixtures.HOLT;
import static org.vpp.command.forecast.ForecastFixtures.PV;
import static org.vpp.command.forecast.ForecastFixtures.T0;
import static org.vpp.command.forecast.ForecastFixtures.issue;
import static org.vpp.command.forecast.ForecastFixtures.issued;
import static org.vpp.command.forecast.ForecastFixtures.selected;
import static org.vpp.command.forecast.ForecastFixtures.selection;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vpp.command.common.CommandRejectedException;
import org.vpp.messages.common.CommandRejection;
import org.vpp.messages.common.RejectionCode;
import org.vpp.messages.forecast.CandidateMetrics;
import org.vpp.messages.forecast.RecordForecastIssued;

/** The wiring of every ForecastSource command: which events it records and which refusals it raises. */
class ForecastSourceAggregateTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private AggregateTestFixture<ForecastSource> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ForecastSource.class);
    }

    @Test
    void theFirstSelectionCreatesTheSource() {
        fixture.givenNoPriorActivity()
                .when(selection(T0))
                .expectSuccessfulHandlerExecution()
                .expectEvents(selected(T0));
    }

    @Test
    void aLaterSelectionIsAppendedToTheLog() {
        fixture.given(selected(T0))
                .when(selection(T0.plus(HOUR)))
                .expectEvents(selected(T0.plus(HOUR)));
    }

    @Test
    void aSelectionWithNonFiniteMetricsIsRefusedAndNothingIsCreated() {
        var broken = new CandidateMetrics("persistence", Map.of(), Double.NaN, 1, Double.POSITIVE_INFINITY, 3);
        fixture.givenNoPriorActivity()
                .when(selection(T0, List.of(ForecastFixtures.NAIVE, broken)))
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(CommandRejection.of("candidates[1]", RejectionCode.INVALID_VALUE,
                        "metrics must be finite numbers, got MAE NaN, RMSE 1.0, MASE Infinity"))
                .expectNoEvents();
    }

    @Test
    void aSelectionOfAModelThatWasNotScoredIsRefused() {
        fixture.givenNoPriorActivity()
                .when(selection(T0, List.of(HOLT)))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void aSelectionTrainedBeforeTheLastIsRefusedAsTimeGoingBackwards() {
        fixture.given(selected(T0))
                .when(selection(T0.minus(HOUR)))
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(CommandRejection.of("trainedAt", RejectionCode.NOT_ALLOWED,
                        "time went backwards: trained at 2026-11-21T11:00:00Z, before the last training at 2026-11-21T12:00:00Z"))
                .expectNoEvents();
    }

    @Test
    void theSameTrainingRecordedTwiceIsRefusedAsADuplicate() {
        fixture.given(selected(T0))
                .when(selection(T0))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void aForecastOfATrainedSourceIsRecorded() {
        fixture.given(selected(T0))
                .when(issue(T0.plus(FIVE_MINUTES), 96))
                .expectSuccessfulHandlerExecution()
                .expectEvents(issued(T0.plus(FIVE_MINUTES), 96));
    }

    @Test
    void aShorterHorizonThanTrainedIsAllowed() {
        fixture.given(selected(T0))
                .when(issue(T0.plus(FIVE_MINUTES), 30))
                .expectEvents(issued(T0.plus(FIVE_MINUTES), 30));
    }

    @Test
    void aForecastForASourceNeverTrainedIsRefusedAndCreatesNothing() {
        fixture.givenNoPriorActivity()
                .when(issue(T0, 96))
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(CommandRejection.of("sourceId", RejectionCode.NOT_FOUND,
                        "source " + PV + " has never been trained; no model to forecast with"))
                .expectNoEvents();
    }

    @Test
    void aForecastIssuedBeforeTheLastIsRefused() {
        fixture.given(selected(T0), issued(T0.plus(HOUR), 96))
                .when(issue(T0.plus(FIVE_MINUTES), 96))
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(CommandRejection.of("issuedAt", RejectionCode.NOT_ALLOWED,
                        "time went backwards: issued at 2026-11-21T12:05:00Z, before the last forecast at 2026-11-21T13:00:00Z"))
                .expectNoEvents();
    }

    @Test
    void aForecastLongerThanTheValidatedHorizonIsRefused() {
        fixture.given(selected(T0))
                .when(issue(T0.plus(FIVE_MINUTES), 97))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void aForecastWithAnotherModelThanTheSelectedIsRefused() {
        RecordForecastIssued withHolt = new RecordForecastIssued(PV, issue(T0, 96).forecastId(), T0, T0,
                ForecastFixtures.STEP, 96, HOLT.model(), HOLT.parameters());
        fixture.given(selected(T0))
                .when(withHolt)
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }
}
