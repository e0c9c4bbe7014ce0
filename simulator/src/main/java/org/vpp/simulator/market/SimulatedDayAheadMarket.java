package org.vpp.simulator.market;

import org.vpp.kernel.MarketRules;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.TimeSeries;
import org.vpp.simulator.clock.SimulationClock;

/**
 * A day-ahead auction that clears every bid against a given market price series (the bids are price takers: the
 * clearing price of a slot is the series value at the slot's start). Timeline from the clock: bids until gate
 * closure, clearing after it, settlement once the day is delivered, imbalance prices once a slot is over.
 */
public final class SimulatedDayAheadMarket implements MarketOperator {

    private final SimulationClock clock;
    private final MarketRules rules;
    private final TimeSeries pricesEurPerMwh;
    private final long seed;
    private final Map<LocalDate, List<Bid>> openBids = new HashMap<>();
    private final Set<String> bidIds = new HashSet<>();
    private final Map<LocalDate, TimeSeries> clearedPrices = new HashMap<>();
    private final Map<String, BidResult> results = new LinkedHashMap<>();
    /** The first delivery day not yet published; days auctioned before the market opened are not its business. */
    private LocalDate nextDayToPublish;

    public SimulatedDayAheadMarket(SimulationClock clock, MarketRules rules, TimeSeries pricesEurPerMwh, long seed) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rules = Objects.requireNonNull(rules, "rules");
        TimeSeries canonical = Objects.requireNonNull(pricesEurPerMwh, "prices");
        this.pricesEurPerMwh = canonical;
        this.seed = seed;
        LocalDate day = clock.now().atZone(rules.zone()).toLocalDate();
        while (!rules.gateClosure(day).isAfter(clock.now())) day = day.plusDays(1);
        this.nextDayToPublish = day;
    }

    @Override
    public MarketRules rules() {
        return rules;
    }

    @Override
    public synchronized BidReceipt submit(Bid bid) {
        Instant now = clock.now();
        Instant gateClosure = rules.gateClosure(bid.deliveryDay());
        if (!now.isBefore(gateClosure)) {
            return new BidReceipt(bid.bidId(), SubmissionStatus.REFUSED_AFTER_GATE_CLOSURE,
                    "gate closure for " + bid.deliveryDay() + " was at " + gateClosure + ", bid received at " + now,
                    now);
        }
        if (bidIds.contains(bid.bidId())) {
            return new BidReceipt(bid.bidId(), SubmissionStatus.REFUSED_DUPLICATE_BID_ID,
                    "a bid with id " + bid.bidId() + " was already received", now);
        }
        Optional<String> invalid = validate(bid);
        if (invalid.isPresent()) {
            return new BidReceipt(bid.bidId(), SubmissionStatus.REFUSED_INVALID, invalid.get(), now);
        }
        bidIds.add(bid.bidId());
        openBids.computeIfAbsent(bid.deliveryDay(), d -> new ArrayList<>()).add(bid);
        return new BidReceipt(bid.bidId(), SubmissionStatus.RECEIVED, "", now);
    }

    private Optional<String> validate(Bid bid) {
        if (bid.slots().isEmpty()) {
            return Optional.of("a bid needs at least one slot");
        }
        int slotCount = rules.slotStarts(bid.deliveryDay()).size();
        Set<Integer> seen = new HashSet<>();
        for (SlotBid slot : bid.slots()) {
            if (slot.slot() >= slotCount) {
                return Optional.of("slot " + slot.slot() + " does not exist; " + bid.deliveryDay() + " has "
                        + slotCount + " slots");
            }
            if (!seen.add(slot.slot())) {
                return Optional.of("slot " + slot.slot() + " appears more than once");
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized ClearingReport clear(LocalDate deliveryDay) {
        if (clearedPrices.containsKey(deliveryDay)) {
            return new ClearingReport(deliveryDay, ClearingReport.ClearingStatus.ALREADY_CLEARED, 0,
                    deliveryDay + " was already cleared");
        }
        Instant gateClosure = rules.gateClosure(deliveryDay);
        if (clock.now().isBefore(gateClosure)) {
            return new ClearingReport(deliveryDay, ClearingReport.ClearingStatus.GATE_STILL_OPEN, 0,
                    "gate closes at " + gateClosure);
        }
        List<Instant> slotStarts = rules.slotStarts(deliveryDay);
        double[] prices = new double[slotStarts.size()];
        for (int i = 0; i < prices.length; i++) {
            OptionalDouble price = priceAt(slotStarts.get(i));
            if (price.isEmpty()) {
                return new ClearingReport(deliveryDay, ClearingReport.ClearingStatus.PRICES_MISSING, 0,
                        "no market price for the slot starting " + slotStarts.get(i));
            }
            prices[i] = price.getAsDouble();
        }
        TimeSeries dayPrices = new TimeSeries(slotStarts.getFirst(), rules.slotLength(), prices);
        List<Bid> bids = openBids.getOrDefault(deliveryDay, List.of());
        for (Bid bid : bids) {
            List<SlotAward> awards = bid.slots().stream()
                    .map(s -> ClearingRules.award(s, slotStarts.get(s.slot()), EurPerMwh.of(prices[s.slot()])))
                    .toList();
            results.put(bid.bidId(), new BidResult(bid.bidId(), bid.bidderId(), deliveryDay,
                    ClearingRules.status(awards), awards, ClearingRules.revenueEur(awards, rules.slotLength())));
        }
        openBids.remove(deliveryDay);
        clearedPrices.put(deliveryDay, dayPrices);
        return new ClearingReport(deliveryDay, ClearingReport.ClearingStatus.CLEARED, bids.size(), "");
    }

    private OptionalDouble priceAt(Instant slotStart) {
        OptionalInt index = pricesEurPerMwh.indexOf(slotStart);
        return index.isPresent() ? OptionalDouble.of(pricesEurPerMwh.valueAt(index.getAsInt())) : OptionalDouble.empty();
    }

    @Override
    public synchronized Optional<BidResult> result(String bidId) {
        return Optional.ofNullable(results.get(bidId));
    }

    @Override
    public synchronized Optional<TimeSeries> clearingPrices(LocalDate deliveryDay) {
        return Optional.ofNullable(clearedPrices.get(deliveryDay));
    }

    @Override
    public synchronized Optional<TimeSeries> settlementPrices(LocalDate deliveryDay) {
        if (clock.now().isBefore(rules.deliveryEnd(deliveryDay))) {
            return Optional.empty();
        }
        return Optional.ofNullable(clearedPrices.get(deliveryDay));
    }

    @Override
    public synchronized Optional<ImbalancePrice> imbalancePrice(Instant slotStart) {
        LocalDate day = rules.deliveryDayOf(slotStart);
        TimeSeries dayPrices = clearedPrices.get(day);
        if (dayPrices == null || clock.now().isBefore(slotStart.plus(rules.slotLength()))) {
            return Optional.empty();
        }
        OptionalInt index = dayPrices.indexOf(slotStart);
        if (index.isEmpty() || !dayPrices.timeAt(index.getAsInt()).equals(slotStart)) {
            return Optional.empty();
        }
        return Optional.of(ImbalancePricing.priceFor(slotStart, EurPerMwh.of(dayPrices.valueAt(index.getAsInt())), seed));
    }

    /** Clears every delivery day with open bids whose gate has closed; for drivers that tick on the clock. */
    /**
     * Clears every delivery day whose gate has closed: days with bids, and every day auctioned since the market
     * opened, so prices are published whether or not anyone bid (as an exchange does). A day whose prices are
     * missing is reported as such and tried again on the next call.
     */
    public synchronized List<ClearingReport> clearDueDays() {
        Instant now = clock.now();
        java.util.SortedSet<LocalDate> due = new java.util.TreeSet<>();
        openBids.keySet().stream().filter(day -> !now.isBefore(rules.gateClosure(day))).forEach(due::add);
        for (LocalDate day = nextDayToPublish; !now.isBefore(rules.gateClosure(day)); day = day.plusDays(1)) {
            if (!clearedPrices.containsKey(day)) due.add(day);
        }
        List<ClearingReport> reports = due.stream().map(this::clear).toList();
        while (clearedPrices.containsKey(nextDayToPublish)) nextDayToPublish = nextDayToPublish.plusDays(1);
        return reports;
    }
}
