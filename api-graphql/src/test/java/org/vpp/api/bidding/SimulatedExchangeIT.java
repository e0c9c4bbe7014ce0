package org.vpp.api.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.vpp.api.support.ApiIT;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;
import org.vpp.kernel.TimeSeries;
import org.vpp.messages.bid.BidAccepted;
import org.vpp.messages.bid.BidDrafted;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.BidInputsFetched;
import org.vpp.messages.bid.BidPartiallyAccepted;
import org.vpp.messages.bid.BidRejected;
import org.vpp.messages.bid.BidSlot;
import org.vpp.messages.bid.BidSubmitted;
import org.vpp.messages.bid.BiddingCycleOpened;
import org.vpp.messages.bid.ClearedSlot;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.bid.DraftBid;
import org.vpp.messages.bid.ForecastReference;
import org.vpp.messages.bid.PlannedSlot;
import org.vpp.messages.bid.RecordBidInputs;
import org.vpp.messages.bid.RecordSchedule;
import org.vpp.messages.bid.SchedulePrepared;
import org.vpp.messages.bid.SlotFlexibility;
import org.vpp.messages.bid.SolverSettings;
import org.vpp.messages.bid.SubmitBid;
import org.vpp.messages.forecast.ForecastId;
import org.vpp.sagas.bidding.BiddingMarket;
import org.vpp.sagas.bidding.MarketResults;
import org.vpp.sagas.port.MarketResult;
import org.vpp.sagas.port.PriceHistory;

/**
 * The simulated exchange with the real Bid aggregate, event store and PostgreSQL: a bid submitted before gate closure
 * is cleared at gate closure against the day's prices, and {@link MarketResults} records the answer on the bid once;
 * a second submission, a second pass or a restart of the exchange does not change the answer.
 * <p>
 * Each bid goes to a zone of this test instance's own ({@code A-<run>} …): one cycle per zone and day, and the
 * context (and its clock) is shared with other tests. Limits are set one euro on either side of each slot's own
 * price, read from the application's price history, so the verdict of every slot is known before clearing.
 */
class SimulatedExchangeIT extends ApiIT {

    static final String HASH = "5".repeat(64);
    static final Megawatts SELL = Megawatts.of(2);
    static final Megawatts BUY = Megawatts.of(-1.5);

    @Autowired
    CommandGateway commands;
    @Autowired
    SimulatedExchange exchange;
    @Autowired
    MarketResults marketResults;
    @Autowired
    BiddingMarket market;
    @Autowired
    PriceHistory prices;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    EventStore eventStore;

    /** What one slot of a test bid offers, and what must clear of it. */
    record Offer(BidSlot slot, Megawatts cleared) {
    }

    @Test
    void eachBidIsClearedAtGateClosureAgainstTheDaysPricesAndItsAnswerRecordedOnce() {
        LocalDate day = market.firstOpenDay(clock.instant());
        // Sells one euro under the price and buys one euro over it: every slot in the money.
        Bid all = submitted("A", day, i -> i % 2 == 0 ? sell(-1, SELL) : buy(+1, BUY));
        // Sells over, buys under: nothing in the money.
        Bid none = submitted("R", day, i -> i % 2 == 0 ? sell(+1, Megawatts.ZERO) : buy(-1, Megawatts.ZERO));
        // Per hour: a sale in the money, a sale out of it, a purchase in it, a quarter-hour offering nothing.
        Bid some = submitted("P", day, i -> switch (i % 4) {
            case 0 -> sell(-1, SELL);
            case 1 -> sell(+1, Megawatts.ZERO);
            case 2 -> buy(+1, BUY);
            default -> (p, at) -> new Offer(new BidSlot(at, Megawatts.ZERO, EurPerMwh.of(p)), Megawatts.ZERO);
        });
        List<Bid> bids = List.of(all, none, some);
        bids.forEach(bid -> exchange.submit(bid.id(), bid.slots()));

        marketResults.runDue(clock.instant());
        assertThat(mine(exchange.resultsDue(clock.instant()), bids)).as("before gate closure").isEmpty();
        bids.forEach(bid -> assertThat(eventTypes(bid)).as("before gate closure").endsWith(BidSubmitted.class.getName()));

        clock.advance(Duration.between(clock.instant(), market.gateClosure(day)));
        marketResults.runDue(clock.instant());

        assertAnswered(all, BidAccepted.class);
        assertAnswered(none, BidRejected.class);
        assertAnswered(some, BidPartiallyAccepted.class);

        List<BidSlot> otherSlots = some.slots().stream()
                .map(s -> new BidSlot(s.start(), Megawatts.of(3), EurPerMwh.of(-500))).toList();
        exchange.submit(some.id(), otherSlots);
        clock.advance(Duration.ofMinutes(1));
        marketResults.runDue(clock.instant());

        assertAnswered(all, BidAccepted.class);
        assertAnswered(none, BidRejected.class);
        assertAnswered(some, BidPartiallyAccepted.class);
        assertThat(mine(exchange.resultsDue(clock.instant()), bids)).as("acknowledged").isEmpty();
        assertThat(storedSlots(some.id())).as("the order book keeps the first submission").isEqualTo(some.slots());
    }

    @Test
    void theOrderBookOutlivesTheExchangeAndItsAnswerIsTheSameWhenAskedAgain() {
        LocalDate day = market.firstOpenDay(clock.instant());
        Bid bid = submitted("S", day, i -> sell(-1, SELL));
        exchange.submit(bid.id(), bid.slots());

        SimulatedExchange restarted = new SimulatedExchange(jdbc, tx, prices, market, clock);
        restarted.submit(bid.id(), bid.slots().stream().map(s -> new BidSlot(s.start(), BUY, s.limitPrice())).toList());
        clock.advance(Duration.between(clock.instant(), market.gateClosure(day)).plusMinutes(5));
        Instant clearedAt = clock.instant();

        List<MarketResult> fromTheRestarted = mine(restarted.resultsDue(clearedAt), List.of(bid));
        assertThat(fromTheRestarted).containsExactly(new MarketResult(bid.id(), clearedAt, bid.expected()));
        clock.advance(Duration.ofMinutes(1));
        assertThat(mine(exchange.resultsDue(clock.instant()), List.of(bid))).as("the same answer, asked again")
                .isEqualTo(fromTheRestarted);

        marketResults.runDue(clock.instant());
        assertAnswered(bid, BidAccepted.class);
        assertThat(mine(restarted.resultsDue(clock.instant()), List.of(bid))).as("acknowledged").isEmpty();
    }

    @Test
    void aDayWithoutPricesIsNotClearedUntilItsPricesCome() {
        LocalDate day = market.firstOpenDay(clock.instant());
        AtomicBoolean missing = new AtomicBoolean(true);
        PriceHistory gappy = (zone, from, to) -> {
            if (missing.get()) throw new IllegalArgumentException("the imported prices end before " + from);
            return prices.prices(zone, from, to);
        };
        SimulatedExchange exchangeWithoutPrices = new SimulatedExchange(jdbc, tx, gappy, market, clock);
        Bid bid = submitted("G", day, i -> buy(+1, BUY));
        exchangeWithoutPrices.submit(bid.id(), bid.slots());
        clock.advance(Duration.between(clock.instant(), market.gateClosure(day)));

        assertThat(mine(exchangeWithoutPrices.resultsDue(clock.instant()), List.of(bid))).isEmpty();
        assertThat(jdbc.queryForObject("SELECT cleared_at IS NULL FROM exchange_order WHERE bid_id = ?", Boolean.class,
                bid.id().value())).as("not cleared").isTrue();

        missing.set(false);
        clock.advance(Duration.ofMinutes(1));
        assertThat(mine(exchangeWithoutPrices.resultsDue(clock.instant()), List.of(bid)))
                .containsExactly(new MarketResult(bid.id(), clock.instant(), bid.expected()));
        marketResults.runDue(clock.instant());
        assertAnswered(bid, BidAccepted.class);
    }

    // --- a bid brought to BidSubmitted through the Bid aggregate -----------------------------------------------

    /** A test bid: its id, its slots as submitted, and per slot what must clear at which price. */
    record Bid(BidId id, List<BidSlot> slots, List<ClearedSlot> expected) {
    }

    /** Makes the offer of one slot from the slot's price and start. */
    interface SlotOffer {
        Offer at(double price, Instant start);
    }

    static SlotOffer sell(double limitAbovePrice, Megawatts cleared) {
        return (p, at) -> new Offer(new BidSlot(at, SELL, EurPerMwh.of(p + limitAbovePrice)), cleared);
    }

    static SlotOffer buy(double limitAbovePrice, Megawatts cleared) {
        return (p, at) -> new Offer(new BidSlot(at, BUY, EurPerMwh.of(p + limitAbovePrice)), cleared);
    }

    /** Opens the cycle of {@code day} in a zone of this test's own and takes it to BidSubmitted at the clock's instant. */
    private Bid submitted(String zonePrefix, LocalDate day, IntFunction<SlotOffer> offerOfSlot) {
        BiddingMarket zone = new BiddingMarket(zonePrefix + "-" + run.toUpperCase(), market.rules());
        BidId id = zone.bidId(day);
        Instant now = clock.instant();
        List<Instant> starts = zone.rules().slotStarts(day);
        TimeSeries dayPrices = prices.prices(zone.zone(), starts.getFirst(), zone.rules().deliveryEnd(day));
        List<BidSlot> slots = new ArrayList<>();
        List<ClearedSlot> expected = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            double price = dayPrices.valueAt(starts.get(i));
            Offer offer = offerOfSlot.apply(i).at(price, starts.get(i));
            slots.add(offer.slot());
            expected.add(new ClearedSlot(starts.get(i), offer.cleared(), EurPerMwh.of(price)));
        }

        commands.sendAndWait(zone.open(day, now));
        commands.sendAndWait(new RecordBidInputs(id, now, ContentReference.of("fleet-snapshot/" + id, HASH), 3,
                new ForecastReference(new ForecastId("price:" + zone.zone() + "@" + now), "seasonal-naive-daily", HASH, true),
                ContentReference.of("device-forecasts/" + id, HASH),
                starts.stream().map(s -> new SlotFlexibility(s, Megawatts.of(5), Megawatts.of(3))).toList()));
        commands.sendAndWait(new RecordSchedule(id, now, ContentReference.of("schedule/" + id, HASH),
                slots.stream().map(s -> new PlannedSlot(s.start(), s.quantity())).toList(), "0hard/0soft", 0, null,
                new SolverSettings("none", Duration.ofSeconds(1), 1, Map.of())));
        commands.sendAndWait(new DraftBid(id, now, slots, "test: one euro either side of the slot's own price"));
        commands.sendAndWait(new SubmitBid(id, now));
        return new Bid(id, List.copyOf(slots), List.copyOf(expected));
    }

    private void assertAnswered(Bid bid, Class<?> answer) {
        assertThat(eventTypes(bid)).containsExactly(BiddingCycleOpened.class.getName(), BidInputsFetched.class.getName(),
                SchedulePrepared.class.getName(), BidDrafted.class.getName(), BidSubmitted.class.getName(),
                answer.getName());
        Object result = eventStore.readEvents(bid.id().value()).asStream().map(Message::getPayload)
                .filter(answer::isInstance).findFirst().orElseThrow();
        List<ClearedSlot> cleared = switch (result) {
            case BidAccepted a -> a.slots();
            case BidPartiallyAccepted p -> p.slots();
            case BidRejected r -> r.slots();
            default -> throw new AssertionError("not a market result: " + result);
        };
        assertThat(cleared).as("per slot: cleared quantity and the slot's price").isEqualTo(bid.expected());
    }

    private List<String> eventTypes(Bid bid) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number", String.class, bid.id().value());
    }

    private List<BidSlot> storedSlots(BidId id) {
        return jdbc.query("SELECT slot_start, quantity_mw, limit_price FROM exchange_order_slot WHERE bid_id = ?"
                + " ORDER BY slot_index", (rs, n) -> new BidSlot(rs.getObject("slot_start", java.time.OffsetDateTime.class)
                .toInstant(), Megawatts.of(rs.getDouble("quantity_mw")), EurPerMwh.of(rs.getDouble("limit_price"))), id.value());
    }

    private static List<MarketResult> mine(List<MarketResult> results, List<Bid> bids) {
        List<BidId> ids = bids.stream().map(Bid::id).toList();
        return results.stream().filter(r -> ids.contains(r.bidId())).toList();
    }
}
