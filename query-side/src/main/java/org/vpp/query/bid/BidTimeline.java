package org.vpp.query.bid;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.vpp.messages.bid.BidAccepted;
import org.vpp.messages.bid.BidDraftRefused;
import org.vpp.messages.bid.BidDrafted;
import org.vpp.messages.bid.BidEvent;
import org.vpp.messages.bid.BidInputsFetched;
import org.vpp.messages.bid.BidPartiallyAccepted;
import org.vpp.messages.bid.BidRejected;
import org.vpp.messages.bid.BidStatus;
import org.vpp.messages.bid.BidSubmissionRefused;
import org.vpp.messages.bid.BidSubmitted;
import org.vpp.messages.bid.BiddingCycleAborted;
import org.vpp.messages.bid.BiddingCycleClosed;
import org.vpp.messages.bid.BiddingCycleOpened;
import org.vpp.messages.bid.ClearedSlot;
import org.vpp.messages.bid.FlexibilityBreach;
import org.vpp.messages.bid.SchedulePrepared;

/**
 * How each event of a bid's cycle shows in the read model, as pure functions: the status it leads to, and the
 * short line the history shows for it.
 */
public final class BidTimeline {

    /** Quantities below this (1 W) count as nothing cleared, as the aggregate counts them. */
    static final double EPSILON_MW = 1e-6;

    private BidTimeline() {
    }

    /** The status after the event; empty for a refusal, which is history and leaves the status as it was. */
    public static Optional<BidStatus> statusAfter(BidEvent event) {
        return Optional.ofNullable(switch (event) {
            case BiddingCycleOpened e -> BidStatus.OPEN;
            case BidInputsFetched e -> BidStatus.INPUTS_FETCHED;
            case SchedulePrepared e -> BidStatus.SCHEDULED;
            case BidDrafted e -> BidStatus.DRAFTED;
            case BidDraftRefused e -> null;
            case BidSubmitted e -> BidStatus.SUBMITTED;
            case BidSubmissionRefused e -> null;
            case BidAccepted e -> BidStatus.ACCEPTED;
            case BidPartiallyAccepted e -> BidStatus.PARTIALLY_ACCEPTED;
            case BidRejected e -> BidStatus.REJECTED;
            case BiddingCycleClosed e -> BidStatus.CLOSED;
            case BiddingCycleAborted e -> BidStatus.ABORTED;
        });
    }

    /** The history's line for the event: what the step decided, in a few words. */
    public static String detail(BidEvent event) {
        return switch (event) {
            case BiddingCycleOpened e -> "delivery " + e.deliveryStart() + " to " + e.deliveryEnd() + " in slots of "
                    + e.slotLength() + "; the gate closes at " + e.gateClosure();
            case BidInputsFetched e -> e.deviceCount() + " devices; price forecast " + e.priceForecast().forecastId()
                    + " (" + e.priceForecast().model() + ")"
                    + (e.priceForecast().fallback() ? ", a fallback standing in for a missing or stale forecast" : "");
            case SchedulePrepared e -> "score " + e.score() + ", expected revenue " + eur(e.expectedRevenueEur())
                    + (e.gapToBound() == null ? ", no bound" : String.format(Locale.ROOT, ", gap %.2f %%", 100 * e.gapToBound()))
                    + ", by " + e.solver().solver();
            case BidDrafted e -> e.slots().size() + " slots priced by " + e.pricingRule();
            case BidDraftRefused e -> breaches(e.breaches());
            case BidSubmitted e -> e.slots().size() + " slots sent to the market";
            case BidSubmissionRefused e -> e.reason() + ": " + e.explanation();
            case BidAccepted e -> cleared(e.slots());
            case BidPartiallyAccepted e -> cleared(e.slots());
            case BidRejected e -> cleared(e.slots());
            case BiddingCycleClosed e -> "closed with the market's answer: " + e.outcome();
            case BiddingCycleAborted e -> e.reason();
        };
    }

    private static String breaches(List<FlexibilityBreach> breaches) {
        FlexibilityBreach first = breaches.getFirst();
        return "refused: " + breaches.size() + (breaches.size() == 1 ? " slot goes" : " slots go")
                + " beyond the fleet's flexibility, the first at " + first.start() + ": " + first.requested()
                + " asked, " + first.available() + " available";
    }

    private static String cleared(List<ClearedSlot> slots) {
        long cleared = slots.stream().filter(s -> Math.abs(s.cleared().value()) > EPSILON_MW).count();
        return "a quantity cleared in " + cleared + " of " + slots.size() + " slots";
    }

    private static String eur(double value) {
        return String.format(Locale.ROOT, "%.2f EUR", value);
    }
}
