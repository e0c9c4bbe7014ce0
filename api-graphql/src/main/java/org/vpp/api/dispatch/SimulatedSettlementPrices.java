package org.vpp.api.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.TimeSeries;
import org.vpp.sagas.dispatch.SlotPrice;
import org.vpp.sagas.port.PriceHistory;
import org.vpp.sagas.port.SettlementPrices;
import org.vpp.simulator.market.ImbalancePrice;
import org.vpp.simulator.market.ImbalancePricing;

/**
 * The simulated world's settlement prices: per slot the day-ahead clearing price from the {@link PriceHistory} (the
 * one the simulated exchange clears against; a slot longer than a quarter-hour takes the mean of its quarter-hours,
 * each weighted by how much of the slot it covers) and the imbalance price the simulator's {@link ImbalancePricing}
 * draws for it from the simulation's seed, as the simulated market does. Published once the clock has reached the
 * end of the last slot, as a grid operator publishes imbalance prices after delivery; empty before, and when the
 * history has no price for a slot (an imported series that ends earlier).
 */
public class SimulatedSettlementPrices implements SettlementPrices {

    static final Duration QUARTER_HOUR = Duration.ofMinutes(15);

    private final PriceHistory history;
    private final long seed;

    public SimulatedSettlementPrices(PriceHistory history, long seed) {
        this.history = Objects.requireNonNull(history, "history");
        this.seed = seed;
    }

    @Override
    public Optional<List<SlotPrice>> prices(String zone, Instant start, Duration slotLength, int slots, Instant now) {
        if (slots < 1 || !slotLength.isPositive()) {
            throw new IllegalArgumentException("need at least one slot of positive length, got " + slots + " x " + slotLength);
        }
        Instant end = start.plus(slotLength.multipliedBy(slots));
        if (now.isBefore(end)) return Optional.empty();
        TimeSeries quarterHours;
        try {
            quarterHours = history.prices(zone, floorToQuarterHour(start), ceilToQuarterHour(end));
        } catch (IllegalArgumentException outsideTheHistory) {
            return Optional.empty();
        }
        List<SlotPrice> prices = new ArrayList<>(slots);
        for (int i = 0; i < slots; i++) {
            Instant slotStart = start.plus(slotLength.multipliedBy(i));
            double clearing = clearingPrice(quarterHours, slotStart, slotStart.plus(slotLength));
            if (!Double.isFinite(clearing)) return Optional.empty();
            ImbalancePrice imbalance = ImbalancePricing.priceFor(slotStart, EurPerMwh.of(clearing), seed);
            prices.add(new SlotPrice(slotStart, clearing, imbalance.price().value(), imbalance.direction().name()));
        }
        return Optional.of(List.copyOf(prices));
    }

    /** The mean of the quarter-hour prices over {@code [from, to)}, each weighted by its overlap with it. */
    static double clearingPrice(TimeSeries quarterHours, Instant from, Instant to) {
        double weighted = 0;
        long covered = 0;
        for (int q = 0; q < quarterHours.size(); q++) {
            Instant qStart = quarterHours.timeAt(q);
            Instant qEnd = qStart.plus(quarterHours.step());
            Instant a = qStart.isAfter(from) ? qStart : from;
            Instant b = qEnd.isBefore(to) ? qEnd : to;
            if (!b.isAfter(a)) continue;
            long seconds = Duration.between(a, b).toSeconds();
            weighted += quarterHours.valueAt(q) * seconds;
            covered += seconds;
        }
        return covered == 0 ? Double.NaN : weighted / covered;
    }

    private static Instant floorToQuarterHour(Instant at) {
        long q = QUARTER_HOUR.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), q) * q);
    }

    private static Instant ceilToQuarterHour(Instant at) {
        Instant floor = floorToQuarterHour(at);
        return floor.equals(at) ? at : floor.plus(QUARTER_HOUR);
    }
}
