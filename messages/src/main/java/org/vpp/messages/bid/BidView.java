package org.vpp.messages.bid;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A bid and its cycle in the read model. Everything a step recorded is null until that step has happened.
 *
 * @param outcome   the market's answer, from the result on (kept when the cycle closes)
 * @param inputs    null until the inputs are fetched
 * @param schedule  null until the schedule is prepared
 * @param slots     one per delivery slot, in order
 * @param history   every event of the cycle, in order
 * @param version   sequence number of the last event applied (0 after the opening)
 */
public record BidView(BidId id, BidStatus status, MarketOutcome outcome, Instant openedAt, Instant gateClosure,
                      Instant deliveryStart, Instant deliveryEnd, Duration slotLength, BidInputsView inputs,
                      BidScheduleView schedule, String pricingRule, Instant draftedAt, Instant submittedAt,
                      Instant resultReceivedAt, Instant closedAt, Instant abortedAt, String abortReason,
                      List<BidSlotView> slots, List<BidHistoryEntry> history, BidTotals totals, Instant updatedAt,
                      long version) {

    public BidView {
        slots = List.copyOf(slots);
        history = List.copyOf(history);
    }

    public String zone() {
        return id.zone();
    }

    public LocalDate deliveryDay() {
        return id.deliveryDay();
    }
}
