package org.vpp.sagas.bidding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.vpp.kernel.MarketRules;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.OpenBiddingCycle;

/**
 * The day-ahead market the VPP bids into: the bidding zone's name ({@code DE-LU}) and the market's calendar (the
 * zone's time zone, slot length, gate closure). Pure: the one place that turns a delivery day into a cycle.
 */
public record BiddingMarket(String zone, MarketRules rules) {

    /** How far beyond the first open day a cycle may be opened: a day-ahead bid is planned from forecasts. */
    public static final int MAX_DAYS_AHEAD = 14;

    public BiddingMarket {
        Objects.requireNonNull(rules, "rules");
        if (zone == null || !BidId.isValid(zone + ":2000-01-01")) {
            throw new IllegalArgumentException("bidding zone must be capitals, digits and '-' (e.g. DE-LU): " + zone);
        }
    }

    public BidId bidId(LocalDate deliveryDay) {
        return BidId.of(zone, deliveryDay);
    }

    public Instant gateClosure(LocalDate deliveryDay) {
        return rules.gateClosure(deliveryDay);
    }

    /** The command that opens the cycle of a delivery day, opened at {@code now}. */
    public OpenBiddingCycle open(LocalDate deliveryDay, Instant now) {
        return new OpenBiddingCycle(bidId(deliveryDay), now, rules.deliveryStart(deliveryDay),
                rules.deliveryEnd(deliveryDay), rules.slotLength(), rules.gateClosure(deliveryDay));
    }

    /** The last delivery day a cycle may be opened for at {@code now}: {@link #MAX_DAYS_AHEAD} after the first open one. */
    public LocalDate lastOpenDay(Instant now) {
        return firstOpenDay(now).plusDays(MAX_DAYS_AHEAD);
    }

    /** The first delivery day whose gate is still open at {@code now}. */
    public LocalDate firstOpenDay(Instant now) {
        LocalDate day = rules.deliveryDayOf(now);
        while (!rules.gateClosure(day).isAfter(now)) day = day.plusDays(1);
        return day;
    }
}
