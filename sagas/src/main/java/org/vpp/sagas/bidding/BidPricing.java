package org.vpp.sagas.bidding;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.vpp.kernel.EurPerMwh;
import org.vpp.messages.bid.BidSlot;
import org.vpp.messages.bid.PlannedSlot;

/**
 * From the schedule and the price forecast to a bid: per slot, a quantity and a limit price.
 *
 * <p>The quantity is the schedule's net position, unchanged: positive sells, negative buys, zero offers nothing.
 * The limit price, with P the forecast's point, L and H its low and high quantiles, k the uncertainty factor,
 * c the marginal cost and V the energy value of the {@link PricingPolicy}:
 * <ul>
 *   <li><b>sell</b>: {@code max(P - k(P - L), c)}: the point, lowered towards the low quantile as far as the
 *       forecast is unsure on the downside, but never below the marginal cost;</li>
 *   <li><b>buy</b>: {@code min(max(P + k(H - P), ηW - c), V - c)}: the point, raised towards the high quantile as far
 *       as the forecast is unsure on the upside, and at least to what the energy is worth to the plan's later sales
 *       (W, their forecast points weighted by their quantities, times the storage's round-trip efficiency η, less
 *       the cost of absorbing it), but never above the energy's value less its cost. A purchase with no sale after
 *       it in the plan has no W;</li>
 *   <li><b>nothing</b>: the limit is the point, for information only.</li>
 * </ul>
 *
 * <p>Why: the schedule is worth carrying out at any price the forecast holds plausible, so a limit right at the
 * point would miss the clearings where the plan still pays; the margin widens the chance to clear in proportion to
 * how unsure the forecast is, and only on the side that can hurt (the downside for a sale, the upside for a
 * purchase). The clamps make the margin safe: the market clears at one price, at or above a sale's limit and at or
 * below a purchase's, so every sold MWh earns at least what it costs to deliver and every bought MWh costs no more
 * than it is worth. The VPP is never dispatched at a loss, whatever the forecast's error.
 *
 * <p>Why W: the market clears each slot on its own, so it can take a cycle's sales and refuse the purchases that were
 * to feed them. The batteries then reach the evening's sales empty, and what they cannot deliver is settled at the
 * imbalance price or covered by fuel (docs/benchmarks.md, "Simulate": 03:00 and 15:00 purchases refused a few EUR/MWh
 * above their limit, at prices the evening's sales would have paid for). A purchase is worth making at any price
 * below what its energy fetches later, so it is bid up to that.
 */
public final class BidPricing {

    /** The name under which drafted bids record this rule. */
    public static final String RULE = "forecast-margin-purchases-at-later-sales-value";

    private BidPricing() {
    }

    /** The bid for one slot that no later sale values (or a sale, or nothing). */
    public static BidSlot price(PlannedSlot planned, PriceQuote quote, PricingPolicy policy) {
        return price(planned, quote, policy, Double.NaN);
    }

    /**
     * The bid for one slot, a purchase valued at least at {@code laterSalesValue} (W, EUR/MWh; NaN when no sale
     * follows it).
     */
    public static BidSlot price(PlannedSlot planned, PriceQuote quote, PricingPolicy policy, double laterSalesValue) {
        if (!planned.start().equals(quote.start())) {
            throw new IllegalArgumentException("the quote for " + quote.start() + " cannot price the slot at " + planned.start());
        }
        double q = planned.power().value();
        double p = quote.expected().value();
        double k = policy.uncertaintyFactor();
        double limit;
        if (q > 0) {
            limit = Math.max(p - k * (p - quote.low().value()), policy.marginalCost().value());
        } else if (q < 0) {
            double margin = p + k * (quote.high().value() - p);
            if (!Double.isNaN(laterSalesValue)) {
                margin = Math.max(margin, policy.roundTripEfficiency() * laterSalesValue - policy.marginalCost().value());
            }
            limit = Math.min(margin, policy.buyCeiling().value());
        } else {
            limit = p;
        }
        return new BidSlot(planned.start(), planned.power(), EurPerMwh.of(limit));
    }

    /**
     * The bid for a whole plan, each slot priced by the quote that starts with it, and each purchase valued by the
     * sales after it (in time, whatever the list's order); a slot without a quote is refused.
     */
    public static List<BidSlot> bid(List<PlannedSlot> plan, List<PriceQuote> forecast, PricingPolicy policy) {
        Map<Instant, PriceQuote> byStart = new HashMap<>();
        forecast.forEach(quote -> byStart.put(quote.start(), quote));
        List<PlannedSlot> inTime = plan.stream().sorted(Comparator.comparing(PlannedSlot::start)).toList();
        Map<Instant, Double> laterSalesValue = new HashMap<>();
        double soldMw = 0;
        double soldValue = 0;
        for (int i = inTime.size() - 1; i >= 0; i--) {
            PlannedSlot slot = inTime.get(i);
            PriceQuote quote = byStart.get(slot.start());
            if (quote == null) throw new IllegalArgumentException("no price forecast for the slot at " + slot.start());
            laterSalesValue.put(slot.start(), soldMw > 0 ? soldValue / soldMw : Double.NaN);
            double q = slot.power().value();
            if (q > 0) {
                soldMw += q;
                soldValue += q * quote.expected().value();
            }
        }
        return plan.stream()
                .map(slot -> price(slot, byStart.get(slot.start()), policy, laterSalesValue.get(slot.start())))
                .toList();
    }
}
