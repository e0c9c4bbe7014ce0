package org.vpp.api.bidding;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;
import org.vpp.kernel.TimeSeries;
import org.vpp.messages.bid.BidSlot;
import org.vpp.messages.bid.ClearedSlot;
import org.vpp.simulator.market.BidStep;
import org.vpp.simulator.market.ClearingRules;
import org.vpp.simulator.market.SlotAward;
import org.vpp.simulator.market.SlotBid;

/**
 * How the simulated exchange clears a bid, as pure functions: each slot is a one-step curve of the simulator's
 * market, awarded by {@link ClearingRules} against the day-ahead price of the quarter-hour the slot starts in (the
 * VPP is a price taker, as in the simulator's {@code SimulatedDayAheadMarket}). A sale (positive quantity) clears in
 * full when its limit is at or below the price, a purchase (negative) when its limit is at or above it, else nothing;
 * a slot that offers nothing clears nothing at the slot's price.
 */
final class ExchangeClearing {

    private ExchangeClearing() {
    }

    /** One slot against its price. */
    static ClearedSlot clear(BidSlot slot, EurPerMwh price) {
        if (slot.quantity().value() == 0) return new ClearedSlot(slot.start(), Megawatts.ZERO, price);
        // One slot at a time: the award's slot number is not read back.
        SlotAward award = ClearingRules.award(SlotBid.of(0, new BidStep(slot.quantity(), slot.limitPrice())),
                slot.start(), price);
        return new ClearedSlot(slot.start(), award.accepted(), award.clearingPrice());
    }

    /** Every slot, in order, against the day's prices; each slot must have its price ({@link #firstUnpriced}). */
    static List<ClearedSlot> clear(List<BidSlot> slots, TimeSeries prices) {
        return slots.stream().map(slot -> clear(slot, EurPerMwh.of(prices.valueAt(slot.start())))).toList();
    }

    /** The start of the first slot the prices do not cover with a finite price: a day that cannot be cleared yet. */
    static Optional<Instant> firstUnpriced(List<BidSlot> slots, TimeSeries prices) {
        return slots.stream().map(BidSlot::start).filter(start -> {
            OptionalInt index = prices.indexOf(start);
            return index.isEmpty() || !Double.isFinite(prices.valueAt(index.getAsInt()));
        }).findFirst();
    }
}
