package org.vpp.command.alert;

import java.time.Instant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vpp.messages.alert.AlertCleared;
import org.vpp.messages.alert.AlertId;
import org.vpp.messages.alert.AlertKind;
import org.vpp.messages.alert.AlertRaised;
import org.vpp.messages.alert.ClearAlert;
import org.vpp.messages.alert.RaiseAlert;

/** An alert is raised once while its condition lasts, cleared once when it ends, and raised again when it returns. */
class AlertAggregateTest {

    private static final AlertId ID = AlertId.of(AlertKind.PROCESSOR_LAG, "fleet");
    private static final Instant T0 = Instant.parse("2026-06-15T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final String LAGGING = "processor fleet lags 12000 events behind the event store (limit 10000)";

    private AggregateTestFixture<Alert> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Alert.class);
    }

    private static RaiseAlert raise(Instant at) {
        return new RaiseAlert(ID, at, LAGGING, 12_000.0, 10_000.0);
    }

    private static AlertRaised raised(Instant at, int occurrence) {
        return new AlertRaised(ID, AlertKind.PROCESSOR_LAG, "fleet", at, LAGGING, 12_000.0, 10_000.0, occurrence);
    }

    @Test
    void theFirstRaiseRecordsTheFirstOccurrence() {
        fixture.givenNoPriorActivity().when(raise(T0)).expectSuccessfulHandlerExecution().expectEvents(raised(T0, 1))
                .expectResultMessagePayload(true);
    }

    @Test
    void anActiveAlertIsNotRaisedTwice() {
        fixture.given(raised(T0, 1)).when(raise(T1)).expectSuccessfulHandlerExecution().expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void clearingEndsTheOccurrenceOnce() {
        fixture.given(raised(T0, 1)).when(new ClearAlert(ID, T1, "lag 20 events"))
                .expectEvents(new AlertCleared(ID, AlertKind.PROCESSOR_LAG, "fleet", T1, "lag 20 events", 1))
                .expectResultMessagePayload(true);
        fixture.given(raised(T0, 1), new AlertCleared(ID, AlertKind.PROCESSOR_LAG, "fleet", T1, "lag 20 events", 1))
                .when(new ClearAlert(ID, T2, "lag 0 events")).expectSuccessfulHandlerExecution().expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void anAlertNeverRaisedIsNotCleared() {
        fixture.givenNoPriorActivity().when(new ClearAlert(ID, T0, "fine")).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aConditionThatReturnsIsTheNextOccurrence() {
        fixture.given(raised(T0, 1), new AlertCleared(ID, AlertKind.PROCESSOR_LAG, "fleet", T1, "lag 20 events", 1))
                .when(raise(T2)).expectEvents(raised(T2, 2));
    }
}
