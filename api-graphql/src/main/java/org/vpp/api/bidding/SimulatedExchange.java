package org.vpp.api.bidding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;
import org.vpp.kernel.TimeSeries;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.BidSlot;
import org.vpp.messages.bid.ClearedSlot;
import org.vpp.sagas.bidding.BiddingMarket;
import org.vpp.sagas.port.Market;
import org.vpp.sagas.port.MarketResult;
import org.vpp.sagas.port.PriceHistory;

/**
 * The day-ahead market as the simulator plays it, with a durable order book in PostgreSQL ({@code exchange_order},
 * {@code exchange_order_slot}), so an order placed or an answer given survives a restart.
 * <ul>
 *   <li>{@link #submit} places the bid's slots once: a second submission of the same bid id changes nothing.</li>
 *   <li>{@link #resultsDue} first clears every order whose gate closure (the {@link BiddingMarket}'s calendar) has
 *       come by {@code now}, against the day's prices from the {@link PriceHistory} (the prices the forecaster
 *       reads), by {@link ExchangeClearing}; the answer is stored, stamped {@code now}, and final. A day whose
 *       prices are missing is not cleared: it is reported and tried again at the next call. Then it lists the
 *       answers not yet acknowledged.</li>
 * </ul>
 * Whether a bid came in time is the bid's business (the aggregate refuses late submissions), not the exchange's.
 */
public class SimulatedExchange implements Market {

    private static final Logger log = LoggerFactory.getLogger(SimulatedExchange.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final PriceHistory prices;
    private final BiddingMarket market;
    private final InstantSource clock;
    /** Orders whose missing prices were reported, so that a pass every half second does not repeat the warning. */
    private final Set<BidId> reportedUnpriced = ConcurrentHashMap.newKeySet();

    public SimulatedExchange(JdbcTemplate jdbc, TransactionTemplate tx, PriceHistory prices, BiddingMarket market,
                             InstantSource clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.prices = prices;
        this.market = market;
        this.clock = clock;
    }

    @Override
    public void submit(BidId bidId, List<BidSlot> slots) {
        Instant gateClosure = market.gateClosure(bidId.deliveryDay());
        tx.executeWithoutResult(status -> {
            int placed = jdbc.update("INSERT INTO exchange_order (bid_id, gate_closure, submitted_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT (bid_id) DO NOTHING", bidId.value(), utc(gateClosure), utc(clock.instant()));
            if (placed == 0) {
                log.info("Simulated exchange: {} is already in the order book; the second submission changes nothing", bidId);
                return;
            }
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < slots.size(); i++) {
                BidSlot slot = slots.get(i);
                rows.add(new Object[] {bidId.value(), i, utc(slot.start()), slot.quantity().value(), slot.limitPrice().value()});
            }
            jdbc.batchUpdate("INSERT INTO exchange_order_slot (bid_id, slot_index, slot_start, quantity_mw, limit_price)"
                    + " VALUES (?, ?, ?, ?, ?)", rows);
        });
    }

    @Override
    public List<MarketResult> resultsDue(Instant now) {
        List<BidId> due = jdbc.query("SELECT bid_id FROM exchange_order WHERE cleared_at IS NULL AND gate_closure <= ?"
                + " ORDER BY gate_closure, bid_id", (rs, n) -> BidId.of(rs.getString(1)), utc(now));
        due.forEach(bidId -> clear(bidId, now));
        return answers(now);
    }

    @Override
    public void acknowledge(BidId bidId) {
        jdbc.update("UPDATE exchange_order SET acknowledged_at = ? WHERE bid_id = ? AND cleared_at IS NOT NULL"
                + " AND acknowledged_at IS NULL", utc(clock.instant()), bidId.value());
    }

    private void clear(BidId bidId, Instant now) {
        List<BidSlot> slots = jdbc.query("SELECT slot_start, quantity_mw, limit_price FROM exchange_order_slot"
                + " WHERE bid_id = ? ORDER BY slot_index", (rs, n) -> new BidSlot(instant(rs, "slot_start"),
                Megawatts.of(rs.getDouble("quantity_mw")), EurPerMwh.of(rs.getDouble("limit_price"))), bidId.value());
        Optional<TimeSeries> dayPrices = dayPrices(bidId);
        Optional<Instant> unpriced = dayPrices.flatMap(p -> ExchangeClearing.firstUnpriced(slots, p));
        if (dayPrices.isEmpty() || unpriced.isPresent()) {
            reportUnpriced(bidId, unpriced.map(start -> "no price for the slot at " + start).orElse("no prices"));
            return;
        }
        List<ClearedSlot> cleared = ExchangeClearing.clear(slots, dayPrices.get());
        tx.executeWithoutResult(status -> {
            // Another instance on the same book may have cleared it meanwhile: its answer stands.
            int first = jdbc.update("UPDATE exchange_order SET cleared_at = ? WHERE bid_id = ? AND cleared_at IS NULL",
                    utc(now), bidId.value());
            if (first == 0) return;
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < cleared.size(); i++) {
                rows.add(new Object[] {cleared.get(i).cleared().value(), cleared.get(i).clearingPrice().value(), bidId.value(), i});
            }
            jdbc.batchUpdate("UPDATE exchange_order_slot SET cleared_mw = ?, clearing_price = ?"
                    + " WHERE bid_id = ? AND slot_index = ?", rows);
        });
        reportedUnpriced.remove(bidId);
        log.info("Simulated exchange: {} cleared at {}", bidId, now);
    }

    /** The day's prices, or empty when the price history has none for it (an imported series that ends before). */
    private Optional<TimeSeries> dayPrices(BidId bidId) {
        LocalDate day = bidId.deliveryDay();
        try {
            return Optional.of(prices.prices(bidId.zone(), market.rules().deliveryStart(day), market.rules().deliveryEnd(day)));
        } catch (IllegalArgumentException outsideTheHistory) {
            log.debug("Simulated exchange: no prices for {}: {}", bidId, outsideTheHistory.getMessage());
            return Optional.empty();
        }
    }

    private void reportUnpriced(BidId bidId, String what) {
        if (reportedUnpriced.add(bidId)) {
            log.warn("Simulated exchange: cannot clear {} yet: {} for {}; trying again at the next pass", bidId, what,
                    bidId.deliveryDay());
        }
    }

    /** The answers given by {@code now} and not yet acknowledged, oldest first, each with its slots in order. */
    private List<MarketResult> answers(Instant now) {
        Map<BidId, Instant> clearedAt = new LinkedHashMap<>();
        Map<BidId, List<ClearedSlot>> slots = new LinkedHashMap<>();
        jdbc.query("SELECT o.bid_id, o.cleared_at, s.slot_start, s.cleared_mw, s.clearing_price"
                + " FROM exchange_order o JOIN exchange_order_slot s ON s.bid_id = o.bid_id"
                + " WHERE o.cleared_at <= ? AND o.acknowledged_at IS NULL"
                + " ORDER BY o.cleared_at, o.bid_id, s.slot_index", rs -> {
            BidId bidId = BidId.of(rs.getString("bid_id"));
            clearedAt.putIfAbsent(bidId, instant(rs, "cleared_at"));
            slots.computeIfAbsent(bidId, id -> new ArrayList<>()).add(new ClearedSlot(instant(rs, "slot_start"),
                    Megawatts.of(rs.getDouble("cleared_mw")), EurPerMwh.of(rs.getDouble("clearing_price"))));
        }, utc(now));
        return clearedAt.entrySet().stream()
                .map(e -> new MarketResult(e.getKey(), e.getValue(), slots.get(e.getKey())))
                .toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
