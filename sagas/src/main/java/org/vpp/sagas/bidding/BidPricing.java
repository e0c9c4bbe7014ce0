package org.vpp.sagas.bidding;

import java.time.Instant;
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
 *   <li><b>buy</b>: {@code min(P + k(H - P), V - c)}: the point, raised towards the high quantile as far as the
 *       forecast is unsure on the upside, but never above the energy's value less its cost;</li>
 *   <li><b>nothing</b>: the limit is the point, for information only.</li>
 * </ul>
 *
 * <p>Why: the schedule is worth carrying out at any price the forecast holds plausible, so a limit right at the
 * point would miss the clearings where the plan still pays; the margin widens the chance to clear in proportion to
 * how unsure the forecast is, and only on the side that can hurt (the downside for a sale, the upside for a
 * purchase). The clamps make the margin safe: the market clears at one price, at or above a sale's limit and at or
 * below a purchase's, so every sold MWh earns at least what it costs to deliver and every bought MWh costs no more
 * than it is worth. The VPP is never dispatched at a loss, whatever the forecast's error.
 */
public final class BidPricing {

    /** The name under which drafted bids record this rule. */
    public static final String RULE = "forecast-with-uncertainty-margin";

    private BidPricing() {
    }

    /** The bid for one slot. */
    public static BidSlot price(PlannedSlot planned, PriceQuote quote, PricingPolicy policy) {
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
            limit = Math.min(p + k * (quote.high().value() - p), policy.buyCeiling().value());
        } else {
            limit = p;
        }
        return new BidSlot(planned.start(), planned.power(), EurPerMwh.of(limit));
    }

    /** The bid for a whole plan, each slot priced by the quote that starts with it; a slot without a quote is refused. */
    public static List<BidSlot> bid(List<PlannedSlot> plan, List<PriceQuote> forecast, PricingPolicy policy) {
        Map<Instant, PriceQuote> byStart = new HashMap<>();
        forecast.forEach(quote -> byStart.put(quote.start(), quote));
        return plan.stream().map(slot -> {
            PriceQuote quote = byStart.get(slot.start());
            if (quote == null) throw new IllegalArgumentException("no price forecast for the slot at " + slot.start());
            return price(slot, quote, policy);
        }).toList();
    }
}
