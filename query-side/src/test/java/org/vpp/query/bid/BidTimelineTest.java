package org.vpp.query.bid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.BidAccepted;
import org.vpp.messages.bid.BidDraftRefused;
import org.vpp.messages.bid.BidDrafted;
import org.vpp.messages.bid.BidEvent;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.BidInputsFetched;
import org.vpp.messages.bid.BidPartiallyAccepted;
import org.vpp.messages.bid.BidRejected;
import org.vpp.messages.bid.BidSlot;
import org.vpp.messages.bid.BidStatus;
import org.vpp.messages.bid.BidSubmissionRefused;
import org.vpp.messages.bid.BidSubmitted;
import org.vpp.messages.bid.BiddingCycleAborted;
import org.vpp.messages.bid.BiddingCycleClosed;
import org.vpp.messages.bid.BiddingCycleOpened;
import org.vpp.messages.bid.ClearedSlot;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.bid.FlexibilityBreach;
import org.vpp.messages.bid.ForecastReference;
import org.vpp.messages.bid.MarketOutcome;
import org.vpp.messages.bid.PlannedSlot;
import org.vpp.messages.bid.SchedulePrepared;
import org.vpp.messages.bid.SlotFlexibility;
import org.vpp.messages.bid.SolverSettings;
import org.vpp.messages.bid.SubmissionRefusal;
import org.vpp.messages.forecast.ForecastId;

/** A two-hour delivery (hourly slots) is enough to show how each event reads in the bid read model. */
class BidTimelineTest {

    static final BidId ID = BidId.of("DE-LU:2026-06-17");
    static final Instant AT = Instant.parse("2026-06-16T08:00:00Z");
    static final Instant H0 = Instant.parse("2026-06-16T22:00:00Z");
    static final Instant H1 = H0.plus(Duration.ofHours(1));
    static final String HASH = "a".repeat(64);

    static BidInputsFetched inputs(boolean fallback) {
        return new BidInputsFetched(ID, AT, ContentReference.of("snap-1", HASH), 12,
                new ForecastReference(new ForecastId("price:DE-LU@2026-06-16T07:45:00Z"), "seasonal-naive-daily", HASH, fallback),
                ContentReference.of("dev-1", HASH),
                List.of(new SlotFlexibility(H0, Megawatts.of(5), Megawatts.of(3)), new SlotFlexibility(H1, Megawatts.of(5), Megawatts.of(3))));
    }

    static List<BidSlot> draft() {
        return List.of(new BidSlot(H0, Megawatts.of(2), EurPerMwh.of(50)), new BidSlot(H1, Megawatts.of(-1), EurPerMwh.of(30)));
    }

    static List<ClearedSlot> cleared(double first, double second) {
        return List.of(new ClearedSlot(H0, Megawatts.of(first), EurPerMwh.of(61)), new ClearedSlot(H1, Megawatts.of(second), EurPerMwh.of(25)));
    }

    static Stream<Arguments> statusAfterEachStep() {
        return Stream.of(
                Arguments.of(new BiddingCycleOpened(ID, AT, H0, H0.plus(Duration.ofHours(2)), Duration.ofHours(1), H0.minus(Duration.ofHours(10))), BidStatus.OPEN),
                Arguments.of(inputs(false), BidStatus.INPUTS_FETCHED),
                Arguments.of(new SchedulePrepared(ID, AT, ContentReference.of("sched-1", HASH),
                        List.of(new PlannedSlot(H0, Megawatts.of(2)), new PlannedSlot(H1, Megawatts.of(-1))), "0hard/-3soft",
                        120.5, 0.012, new SolverSettings("timefold", Duration.ofSeconds(30), 7, Map.of())), BidStatus.SCHEDULED),
                Arguments.of(new BidDrafted(ID, AT, draft(), "rule"), BidStatus.DRAFTED),
                Arguments.of(new BidSubmitted(ID, AT, draft()), BidStatus.SUBMITTED),
                Arguments.of(new BidAccepted(ID, AT, cleared(2, -1)), BidStatus.ACCEPTED),
                Arguments.of(new BidPartiallyAccepted(ID, AT, cleared(0.5, -1)), BidStatus.PARTIALLY_ACCEPTED),
                Arguments.of(new BidRejected(ID, AT, cleared(0, 0)), BidStatus.REJECTED),
                Arguments.of(new BiddingCycleClosed(ID, AT, MarketOutcome.ACCEPTED), BidStatus.CLOSED),
                Arguments.of(new BiddingCycleAborted(ID, AT, "cancelled by the trader"), BidStatus.ABORTED));
    }

    @ParameterizedTest
    @MethodSource
    void statusAfterEachStep(BidEvent event, BidStatus expected) {
        assertThat(BidTimeline.statusAfter(event)).contains(expected);
    }

    @Test
    void refusalsAreHistoryAndLeaveTheStatusAsItWas() {
        var draftRefused = new BidDraftRefused(ID, AT, draft(),
                List.of(new FlexibilityBreach(H0, Megawatts.of(7), Megawatts.of(5))));
        var late = new BidSubmissionRefused(ID, AT, SubmissionRefusal.GATE_CLOSED, "sent at X, the gate closed at Y");
        assertThat(BidTimeline.statusAfter(draftRefused)).isEqualTo(Optional.empty());
        assertThat(BidTimeline.statusAfter(late)).isEqualTo(Optional.empty());
    }

    @Test
    void aRefusalsDetailSaysWhy() {
        var draftRefused = new BidDraftRefused(ID, AT, draft(), List.of(
                new FlexibilityBreach(H0, Megawatts.of(7), Megawatts.of(5)),
                new FlexibilityBreach(H1, Megawatts.of(-4), Megawatts.of(3))));
        assertThat(BidTimeline.detail(draftRefused))
                .isEqualTo("refused: 2 slots go beyond the fleet's flexibility, the first at 2026-06-16T22:00:00Z: 7.0 MW asked, 5.0 MW available");
        assertThat(BidTimeline.detail(new BidSubmissionRefused(ID, AT, SubmissionRefusal.GATE_CLOSED, "the gate closed at 10:00")))
                .isEqualTo("GATE_CLOSED: the gate closed at 10:00");
    }

    @Test
    void anAbortShowsItsReason() {
        assertThat(BidTimeline.detail(new BiddingCycleAborted(ID, AT, "the market gave no result by 12:00")))
                .isEqualTo("the market gave no result by 12:00");
    }

    @Test
    void aFallbackPriceForecastIsSaidSoAndARealOneIsNot() {
        assertThat(BidTimeline.detail(inputs(true))).isEqualTo("12 devices; price forecast price:DE-LU@2026-06-16T07:45:00Z"
                + " (seasonal-naive-daily), a fallback standing in for a missing or stale forecast");
        assertThat(BidTimeline.detail(inputs(false))).doesNotContain("fallback");
    }

    @Test
    void aResultCountsTheSlotsThatCleared() {
        assertThat(BidTimeline.detail(new BidPartiallyAccepted(ID, AT, cleared(0.5, 0)))).isEqualTo("a quantity cleared in 1 of 2 slots");
        assertThat(BidTimeline.detail(new BidRejected(ID, AT, cleared(0, 0)))).isEqualTo("a quantity cleared in 0 of 2 slots");
    }
}
