package org.vpp.query.bid;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.messages.bid.BidAccepted;
import org.vpp.messages.bid.BidDraftRefused;
import org.vpp.messages.bid.BidDrafted;
import org.vpp.messages.bid.BidEvent;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.BidInputsFetched;
import org.vpp.messages.bid.BidPage;
import org.vpp.messages.bid.BidPartiallyAccepted;
import org.vpp.messages.bid.BidRejected;
import org.vpp.messages.bid.BidSlot;
import org.vpp.messages.bid.BidStatus;
import org.vpp.messages.bid.BidSubmissionRefused;
import org.vpp.messages.bid.BidSubmitted;
import org.vpp.messages.bid.BidView;
import org.vpp.messages.bid.BiddingCycleAborted;
import org.vpp.messages.bid.BiddingCycleClosed;
import org.vpp.messages.bid.BiddingCycleOpened;
import org.vpp.messages.bid.ClearedSlot;
import org.vpp.messages.bid.FindBid;
import org.vpp.messages.bid.FindBids;
import org.vpp.messages.bid.MarketOutcome;
import org.vpp.messages.bid.PlannedSlot;
import org.vpp.messages.bid.SchedulePrepared;
import org.vpp.messages.bid.SlotFlexibility;

/**
 * The bid read model: one row per bid in {@code bid}, one per delivery slot in {@code bid_slot}, one per event in
 * {@code bid_history}. Every event first moves the bid's row to its sequence number ({@code version < ?}); only
 * when that moved anything are its slots and history written, so replaying or redelivering events is harmless.
 * Every change is also emitted to subscription queries on {@link FindBid}, which is how mutations wait for their
 * own writes.
 */
@ProcessingGroup(BidProjection.PROCESSING_GROUP)
public class BidProjection {

    public static final String PROCESSING_GROUP = "bids";
    /** The read model's tables, parents before the tables that refer to them (a rebuild copies them in this order). */
    public static final List<String> TABLES = List.of("bid", "bid_slot", "bid_history");

    private final JdbcTemplate jdbc;
    private final BidRepository repository;
    private final QueryUpdateEmitter emitter;

    public BidProjection(JdbcTemplate jdbc, BidRepository repository, QueryUpdateEmitter emitter) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.emitter = emitter;
    }

    @EventHandler
    void on(BiddingCycleOpened e, @SequenceNumber long seq) {
        int inserted = jdbc.update("""
                INSERT INTO bid (bid_id, zone, delivery_day, status, opened_at, gate_closure, delivery_start, delivery_end,
                    slot_seconds, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (bid_id) DO NOTHING""",
                e.bidId().value(), e.bidId().zone(), java.sql.Date.valueOf(e.bidId().deliveryDay()), BidStatus.OPEN.name(),
                ts(e.at()), ts(e.gateClosure()), ts(e.deliveryStart()), ts(e.deliveryEnd()), e.slotLength().toSeconds(),
                ts(e.at()), seq);
        if (inserted == 0) return;
        List<Object[]> slots = new ArrayList<>();
        for (Instant t = e.deliveryStart(); t.isBefore(e.deliveryEnd()); t = t.plus(e.slotLength())) {
            slots.add(new Object[] {e.bidId().value(), ts(t)});
        }
        jdbc.batchUpdate("INSERT INTO bid_slot (bid_id, slot_start) VALUES (?, ?) ON CONFLICT DO NOTHING", slots);
        recorded(e, seq);
    }

    @EventHandler
    void on(BidInputsFetched e, @SequenceNumber long seq) {
        if (!advance(e, seq, """
                inputs_fetched_at = ?, fleet_snapshot_id = ?, fleet_snapshot_sha256 = ?, device_count = ?,
                device_forecasts_id = ?, device_forecasts_sha256 = ?, price_forecast_id = ?, price_forecast_model = ?,
                price_forecast_sha256 = ?, price_forecast_fallback = ?""",
                ts(e.at()), e.fleetSnapshot().id(), e.fleetSnapshot().sha256(), e.deviceCount(),
                e.deviceForecasts().id(), e.deviceForecasts().sha256(), e.priceForecast().forecastId().value(),
                e.priceForecast().model(), e.priceForecast().sha256(), e.priceForecast().fallback())) return;
        slots(e.bidId(), "flexibility_up_mw = ?, flexibility_down_mw = ?", e.flexibility(), SlotFlexibility::start,
                f -> new Object[] {f.up().value(), f.down().value()});
        recorded(e, seq);
    }

    @EventHandler
    void on(SchedulePrepared e, @SequenceNumber long seq) {
        Map<String, String> parameters = new java.util.TreeMap<>(e.solver().parameters());
        if (!advance(e, seq, """
                schedule_prepared_at = ?, schedule_id = ?, schedule_sha256 = ?, schedule_score = ?,
                expected_revenue_eur = ?, gap_to_bound = ?, solver = ?, solver_time_budget = ?, solver_seed = ?,
                solver_parameter_names = ?, solver_parameter_values = ?""",
                ts(e.at()), e.schedule().id(), e.schedule().sha256(), e.score(), e.expectedRevenueEur(), e.gapToBound(),
                e.solver().solver(), e.solver().timeBudget().toString(), e.solver().seed(),
                parameters.keySet().toArray(String[]::new), parameters.values().toArray(String[]::new))) return;
        slots(e.bidId(), "planned_mw = ?", e.plan(), PlannedSlot::start, p -> new Object[] {p.power().value()});
        recorded(e, seq);
    }

    @EventHandler
    void on(BidDrafted e, @SequenceNumber long seq) {
        if (!advance(e, seq, "pricing_rule = ?, drafted_at = ?", e.pricingRule(), ts(e.at()))) return;
        slots(e.bidId(), "quantity_mw = ?, limit_price_eur_per_mwh = ?", e.slots(), BidSlot::start,
                s -> new Object[] {s.quantity().value(), s.limitPrice().value()});
        recorded(e, seq);
    }

    /** A refused draft leaves the last accepted one in place; the attempt shows in the history. */
    @EventHandler
    void on(BidDraftRefused e, @SequenceNumber long seq) {
        if (advance(e, seq, null)) recorded(e, seq);
    }

    /** Exactly the last draft went to the market; the slots already show it. */
    @EventHandler
    void on(BidSubmitted e, @SequenceNumber long seq) {
        if (advance(e, seq, "submitted_at = ?", ts(e.at()))) recorded(e, seq);
    }

    @EventHandler
    void on(BidSubmissionRefused e, @SequenceNumber long seq) {
        if (advance(e, seq, null)) recorded(e, seq);
    }

    @EventHandler
    void on(BidAccepted e, @SequenceNumber long seq) {
        result(e, seq, MarketOutcome.ACCEPTED, e.slots());
    }

    @EventHandler
    void on(BidPartiallyAccepted e, @SequenceNumber long seq) {
        result(e, seq, MarketOutcome.PARTIALLY_ACCEPTED, e.slots());
    }

    @EventHandler
    void on(BidRejected e, @SequenceNumber long seq) {
        result(e, seq, MarketOutcome.REJECTED, e.slots());
    }

    @EventHandler
    void on(BiddingCycleClosed e, @SequenceNumber long seq) {
        if (advance(e, seq, "closed_at = ?, outcome = ?", ts(e.at()), e.outcome().name())) recorded(e, seq);
    }

    @EventHandler
    void on(BiddingCycleAborted e, @SequenceNumber long seq) {
        if (advance(e, seq, "aborted_at = ?, abort_reason = ?", ts(e.at()), e.reason())) recorded(e, seq);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE " + String.join(", ", TABLES));
    }

    // Query handlers answer the value or null, never Optional (see FleetProjection).
    @QueryHandler
    BidView handle(FindBid query) {
        return repository.find(query.bidId()).orElse(null);
    }

    @QueryHandler
    BidPage handle(FindBids query) {
        return repository.page(query);
    }

    private void result(BidEvent e, long seq, MarketOutcome outcome, List<ClearedSlot> cleared) {
        if (!advance(e, seq, "result_received_at = ?, outcome = ?", ts(e.at()), outcome.name())) return;
        slots(e.bidId(), "cleared_mw = ?, clearing_price_eur_per_mwh = ?", cleared, ClearedSlot::start,
                s -> new Object[] {s.cleared().value(), s.clearingPrice().value()});
        recorded(e, seq);
    }

    /**
     * Moves the bid's row to {@code seq}: its status (when the event changes it), {@code assignments} (may be null),
     * version and update time, unless the row is already there. True when it moved, i.e. the event is new here.
     */
    private boolean advance(BidEvent e, long seq, String assignments, Object... values) {
        // Arrays.asList, not List.of: a value may be null (a schedule without an LP bound has no gap), and List.of's
        // NullPointerException parked such an event in the dead-letter queue, with the bid's later events behind it.
        List<Object> args = new ArrayList<>(java.util.Arrays.asList(values));
        StringBuilder set = new StringBuilder(assignments == null ? "" : assignments + ", ");
        Optional<BidStatus> status = BidTimeline.statusAfter(e);
        if (status.isPresent()) {
            set.append("status = ?, ");
            args.add(status.get().name());
        }
        set.append("version = ?, updated_at = ?");
        args.add(seq);
        args.add(ts(e.at()));
        args.add(e.bidId().value());
        args.add(seq);
        return jdbc.update("UPDATE bid SET " + set + " WHERE bid_id = ? AND version < ?", args.toArray()) > 0;
    }

    /** One value set per delivery slot, matched by its start. */
    private <T> void slots(BidId id, String assignments, List<T> entries, Function<T, Instant> start,
                           Function<T, Object[]> values) {
        List<Object[]> batch = new ArrayList<>(entries.size());
        for (T entry : entries) {
            Object[] v = values.apply(entry);
            Object[] args = java.util.Arrays.copyOf(v, v.length + 2);
            args[v.length] = id.value();
            args[v.length + 1] = ts(start.apply(entry));
            batch.add(args);
        }
        jdbc.batchUpdate("UPDATE bid_slot SET " + assignments + " WHERE bid_id = ? AND slot_start = ?", batch);
    }

    /** The event's line in the history, then the new view to anyone waiting for it. */
    private void recorded(BidEvent e, long seq) {
        jdbc.update("INSERT INTO bid_history (bid_id, seq, type, at, detail) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                e.bidId().value(), seq, e.getClass().getSimpleName(), ts(e.at()), BidTimeline.detail(e));
        // The view is read only for someone following bids; a replay has no one.
        boolean followed = emitter.activeSubscriptions().stream().anyMatch(q -> q.getPayload() instanceof FindBids
                || q.getPayload() instanceof FindBid f && f.bidId().equals(e.bidId()));
        if (followed) repository.find(e.bidId()).ifPresent(view -> {
            emitter.emit(FindBid.class, q -> q.bidId().equals(e.bidId()), view);
            emitter.emit(FindBids.class, q -> true, view);
        });
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
