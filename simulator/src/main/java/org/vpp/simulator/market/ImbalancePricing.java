package org.vpp.simulator.market;

import java.time.Instant;
import java.util.random.RandomGenerator;
import org.vpp.kernel.EurPerMwh;
import org.vpp.simulator.series.SeedStreams;

/**
 * Seeded imbalance prices: each slot's system direction and spread come from a stream named by the slot, so the
 * price of a slot never depends on which other slots were asked for.
 */
public final class ImbalancePricing {

    private static final double BASE_SPREAD_EUR_PER_MWH = 8;
    private static final double MEAN_EXTRA_SPREAD_EUR_PER_MWH = 30;

    private ImbalancePricing() {
    }

    public static ImbalancePrice priceFor(Instant slotStart, EurPerMwh clearingPrice, long seed) {
        double clearingPriceEurPerMwh = clearingPrice.value();
        RandomGenerator rng = SeedStreams.stream(seed, "imbalance:" + slotStart.getEpochSecond());
        SystemDirection direction = rng.nextBoolean() ? SystemDirection.SHORT : SystemDirection.LONG;
        double spread = BASE_SPREAD_EUR_PER_MWH - Math.log(1 - rng.nextDouble()) * MEAN_EXTRA_SPREAD_EUR_PER_MWH;
        double price = direction == SystemDirection.SHORT
                ? clearingPriceEurPerMwh + spread
                : clearingPriceEurPerMwh - spread;
        return new ImbalancePrice(slotStart, direction, clearingPrice, EurPerMwh.of(price));
    }
}
