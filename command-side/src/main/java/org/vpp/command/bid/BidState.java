package org.vpp.command.bid;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.vpp.messages.bid.BidAccepted;
import org.vpp.messages.bid.BidDraftRefused;
import org.vpp.messages.bid.BidDrafted;
import org.vpp.messages.bid.BidEvent;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.BidInputsFetched;
import org.vpp.messages.bid.BidPartiallyAccepted;
import org.vpp.messages.bid.BidRejected;
import org.vpp.messages.bid.BidSlot;
import org.vpp.messages.bid.BidSubmissionRefused;
import org.vpp.messages.bid.BidSubmitted;
import org.vpp.messages.bid.BiddingCycleAborted;
import org.vpp.messages.bid.BiddingCycleClosed;
import org.vpp.messages.bid.BiddingCycleOpened;
import org.vpp.messages.bid.MarketOutcome;
import org.vpp.messages.bid.SchedulePrepared;
import org.vpp.messages.bid.SlotFlexibility;

/**
 * What the Bid aggregate remembers, as an immutable value; {@link #evolve} only assigns.
 *
 * @param lastStepAt  the instant of the latest event, refusals included: time on a cycle only moves forward
 * @param flexibility empty until the inputs are fetched
 * @param draft       empty until a bid is drafted; the last draft
 * @param outcome     null until the market answers
 */
public record BidState(BidId id, BidPhase phase, Instant deliveryStart, Duration slotLength, int slotCount,
                       Instant gateClosure, Instant lastStepAt, List<SlotFlexibility> flexibility,
                       List<BidSlot> draft, MarketOutcome outcome) {

    public static BidState opened(BiddingCycleOpened e) {
        int slots = (int) Duration.between(e.deliveryStart(), e.deliveryEnd()).dividedBy(e.slotLength());
        return new BidState(e.bidId(), BidPhase.OPENED, e.deliveryStart(), e.slotLength(), slots, e.gateClosure(),
                e.at(), List.of(), List.of(), null);
    }

    /** The start of delivery slot {@code index}. */
    public Instant slotStart(int index) {
        return deliveryStart.plus(slotLength.multipliedBy(index));
    }

    public BidState evolve(BidEvent event) {
        return switch (event) {
            case BiddingCycleOpened e -> opened(e);
            case BidInputsFetched e -> new BidState(id, BidPhase.INPUTS_FETCHED, deliveryStart, slotLength, slotCount,
                    gateClosure, e.at(), e.flexibility(), draft, outcome);
            case SchedulePrepared e -> at(BidPhase.SCHEDULE_PREPARED, e.at());
            case BidDrafted e -> new BidState(id, BidPhase.DRAFTED, deliveryStart, slotLength, slotCount, gateClosure,
                    e.at(), flexibility, e.slots(), outcome);
            case BidDraftRefused e -> at(phase, e.at());
            case BidSubmitted e -> at(BidPhase.SUBMITTED, e.at());
            case BidSubmissionRefused e -> at(phase, e.at());
            case BidAccepted e -> cleared(MarketOutcome.ACCEPTED, e.at());
            case BidPartiallyAccepted e -> cleared(MarketOutcome.PARTIALLY_ACCEPTED, e.at());
            case BidRejected e -> cleared(MarketOutcome.REJECTED, e.at());
            case BiddingCycleClosed e -> at(BidPhase.CLOSED, e.at());
            case BiddingCycleAborted e -> at(BidPhase.ABORTED, e.at());
        };
    }

    private BidState at(BidPhase next, Instant when) {
        return new BidState(id, next, deliveryStart, slotLength, slotCount, gateClosure, when, flexibility, draft, outcome);
    }

    private BidState cleared(MarketOutcome result, Instant when) {
        return new BidState(id, BidPhase.CLEARED, deliveryStart, slotLength, slotCount, gateClosure, when, flexibility,
                draft, result);
    }
}
