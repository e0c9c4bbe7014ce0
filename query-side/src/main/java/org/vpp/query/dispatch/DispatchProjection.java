package org.vpp.query.dispatch;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.dispatch.AssetAllocation;
import org.vpp.messages.dispatch.DeviationCause;
import org.vpp.messages.dispatch.DispatchCancelled;
import org.vpp.messages.dispatch.DispatchCompleted;
import org.vpp.messages.dispatch.DispatchEvent;
import org.vpp.messages.dispatch.DispatchId;
import org.vpp.messages.dispatch.DispatchPage;
import org.vpp.messages.dispatch.DispatchPlanned;
import org.vpp.messages.dispatch.DispatchSettled;
import org.vpp.messages.dispatch.DispatchSlot;
import org.vpp.messages.dispatch.DispatchStatus;
import org.vpp.messages.dispatch.DispatchView;
import org.vpp.messages.dispatch.FindDispatch;
import org.vpp.messages.dispatch.FindDispatches;
import org.vpp.messages.dispatch.FindSettlements;
import org.vpp.messages.dispatch.NodeSettlement;
import org.vpp.messages.dispatch.Redispatch;
import org.vpp.messages.dispatch.SettlementDayView;
import org.vpp.messages.dispatch.Shortfall;
import org.vpp.messages.dispatch.SlotDelivered;
import org.vpp.messages.dispatch.SlotDispatched;
import org.vpp.messages.dispatch.SlotSettlement;

/**
 * The dispatch read model: one row per dispatch in {@code dispatch}, one per slot in {@code dispatch_slot} with its
 * shortfalls, re-dispatches and deviation causes, a manual request's allocation, and once settled, the settlement
 * per slot ({@code settlement_slot}) and per group ({@code settlement_node}). Every event first moves the
 * dispatch's row to its sequence number ({@code version < ?}); only when that moved anything are the child rows
 * written, so replaying or redelivering events is harmless. Every change is also emitted to subscription queries
 * on {@link FindDispatch}, which is how mutations wait for their own writes.
 */
@ProcessingGroup(DispatchProjection.PROCESSING_GROUP)
public class DispatchProjection {

    public static final String PROCESSING_GROUP = "dispatches";
    /** The read model's tables, parents before the tables that refer to them (a rebuild copies them in this order). */
    public static final List<String> TABLES = List.of("dispatch", "dispatch_allocation", "dispatch_slot", "dispatch_shortfall",
            "dispatch_redispatch", "dispatch_deviation_cause", "settlement_slot", "settlement_node");

    private final JdbcTemplate jdbc;
    private final DispatchRepository repository;
    private final QueryUpdateEmitter emitter;
    private final ZoneId marketZone;

    /** {@code marketZone}: the market's time zone, whose calendar names a dispatch's delivery day. */
    public DispatchProjection(JdbcTemplate jdbc, DispatchRepository repository, QueryUpdateEmitter emitter,
                              ZoneId marketZone) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.emitter = emitter;
        this.marketZone = marketZone;
    }

    @EventHandler
    void on(DispatchPlanned e, @SequenceNumber long seq) {
        int inserted = jdbc.update("""
                INSERT INTO dispatch (dispatch_id, kind, status, bid_id, node_id, delivery_day, planned_at, delivery_start,
                    delivery_end, slot_seconds, plan_id, plan_sha256, device_count, requested_mw, unmet_mw, reason,
                    updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (dispatch_id) DO NOTHING""",
                e.dispatchId().value(), e.kind().name(), DispatchTimeline.statusAfter(null, e).name(),
                e.bidId() == null ? null : e.bidId().value(), e.nodeId(),
                java.sql.Date.valueOf(e.start().atZone(marketZone).toLocalDate()), ts(e.at()), ts(e.start()),
                ts(e.end()), e.slotLength().toSeconds(), e.plan() == null ? null : e.plan().id(),
                e.plan() == null ? null : e.plan().sha256(), e.deviceCount(), mw(e.requested()), mw(e.unmet()),
                e.reason(), ts(e.at()), seq);
        if (inserted == 0) return;
        String id = e.dispatchId().value();
        jdbc.batchUpdate("""
                INSERT INTO dispatch_slot (dispatch_id, slot_start, target_mw, clearing_price_eur_per_mwh)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                rows(e.slots(), (s, i) -> new Object[] {id, ts(s.start()), s.target().value(),
                        s.clearingPrice() == null ? null : s.clearingPrice().value()}));
        jdbc.batchUpdate("""
                INSERT INTO dispatch_allocation (dispatch_id, position, asset_id, power_mw, marginal_cost_eur_per_mwh,
                    headroom_mw) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                rows(e.allocations(), (a, i) -> new Object[] {id, i, a.assetId(), a.power().value(),
                        a.marginalCostEurPerMwh(), a.headroom().value()}));
        changed(e.dispatchId());
    }

    /** A slot dispatched again (if the aggregate allows it) replaces the slot's earlier story. */
    @EventHandler
    void on(SlotDispatched e, @SequenceNumber long seq) {
        if (!advance(e, seq, null)) return;
        String id = e.dispatchId().value();
        jdbc.update("""
                UPDATE dispatch_slot SET dispatched_at = ?, setpoints_sent = ?, uncovered_mw = ?
                WHERE dispatch_id = ? AND slot_start = ?""",
                ts(e.at()), e.setpointsSent(), mw(e.uncovered()), id, ts(e.slotStart()));
        replace("dispatch_shortfall", "asset_id, missing_mw, cause", e.dispatchId(), e.slotStart(), e.shortfalls(),
                (Shortfall s) -> new Object[] {s.assetId(), s.missing().value(), s.cause().name()});
        replace("dispatch_redispatch", "from_asset_id, to_asset_id, power_mw, level", e.dispatchId(), e.slotStart(),
                e.redispatches(),
                (Redispatch r) -> new Object[] {r.fromAssetId(), r.toAssetId(), r.power().value(), r.level()});
        changed(e.dispatchId());
    }

    @EventHandler
    void on(SlotDelivered e, @SequenceNumber long seq) {
        if (!advance(e, seq, null)) return;
        String id = e.dispatchId().value();
        jdbc.update("""
                UPDATE dispatch_slot SET measured_at = ?, delivered_mw = ?, deviation_mw = ?, readings = ?,
                    devices_without_readings = ?, per_asset_id = ?, per_asset_sha256 = ?
                WHERE dispatch_id = ? AND slot_start = ?""",
                ts(e.at()), e.delivered().value(), e.deviation().value(), e.readings(), e.devicesWithoutReadings(),
                e.perAsset() == null ? null : e.perAsset().id(), e.perAsset() == null ? null : e.perAsset().sha256(),
                id, ts(e.slotStart()));
        replace("dispatch_deviation_cause", "asset_id, deviation_mw, cause", e.dispatchId(), e.slotStart(), e.causes(),
                (DeviationCause c) -> new Object[] {c.assetId(), c.deviation().value(), c.cause()});
        changed(e.dispatchId());
    }

    @EventHandler
    void on(DispatchCancelled e, @SequenceNumber long seq) {
        if (advance(e, seq, "cancelled_at = ?, cancel_reason = ?", ts(e.at()), e.reason())) changed(e.dispatchId());
    }

    @EventHandler
    void on(DispatchCompleted e, @SequenceNumber long seq) {
        if (advance(e, seq, "completed_at = ?, slots_measured = ?, mean_deviation_mw = ?", ts(e.at()),
                e.slotsMeasured(), mw(e.meanDeviation()))) changed(e.dispatchId());
    }

    @EventHandler
    void on(DispatchSettled e, @SequenceNumber long seq) {
        ContentReference perAsset = e.perAsset();
        if (!advance(e, seq, """
                settled_at = ?, settlement_day = ?, settlement_pricing = ?, settlement_per_asset_id = ?,
                settlement_per_asset_sha256 = ?, revenue_eur = ?, imbalance_eur = ?""",
                ts(e.at()), java.sql.Date.valueOf(e.deliveryDay()), e.pricing(),
                perAsset == null ? null : perAsset.id(), perAsset == null ? null : perAsset.sha256(),
                e.revenueEur(), e.imbalanceEur())) return;
        String id = e.dispatchId().value();
        // A settlement is final; should a second one come, it replaces the first rather than adding to it.
        jdbc.update("DELETE FROM settlement_slot WHERE dispatch_id = ?", id);
        jdbc.update("DELETE FROM settlement_node WHERE dispatch_id = ?", id);
        jdbc.batchUpdate("""
                INSERT INTO settlement_slot (dispatch_id, slot_start, target_mwh, delivered_mwh, deviation_mwh,
                    clearing_price_eur_per_mwh, imbalance_price_eur_per_mwh, system_direction, revenue_eur, imbalance_eur)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                rows(e.slots(), (SlotSettlement s, int i) -> new Object[] {id, ts(s.start()), s.targetMwh(),
                        s.deliveredMwh(), s.deviationMwh(), s.clearingPriceEurPerMwh(), s.imbalancePriceEurPerMwh(),
                        s.systemDirection(), s.revenueEur(), s.imbalanceEur()}));
        jdbc.batchUpdate("""
                INSERT INTO settlement_node (dispatch_id, node_id, position, kind, parent_id, delivered_mwh, revenue_eur,
                    imbalance_eur) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                rows(e.nodes(), (NodeSettlement n, int i) -> new Object[] {id, n.nodeId(), i, n.kind(), n.parentId(),
                        n.deliveredMwh(), n.revenueEur(), n.imbalanceEur()}));
        changed(e.dispatchId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE " + String.join(", ", TABLES));
    }

    // Query handlers answer the value or null, never Optional (see FleetProjection).
    @QueryHandler
    DispatchView handle(FindDispatch query) {
        return repository.find(query.dispatchId()).orElse(null);
    }

    @QueryHandler
    DispatchPage handle(FindDispatches query) {
        return repository.page(query);
    }

    @QueryHandler
    SettlementDayView handle(FindSettlements query) {
        return repository.settlements(query.day());
    }

    /**
     * Moves the dispatch's row to {@code seq}: its status, {@code assignments} (may be null), version and update
     * time, unless the row is already there. True when it moved, i.e. the event is new here. The status before is
     * read first: a slot's events start a planned dispatch and leave any other status as it is.
     */
    private boolean advance(DispatchEvent e, long seq, String assignments, Object... values) {
        List<String> before = jdbc.queryForList("SELECT status FROM dispatch WHERE dispatch_id = ? AND version < ?",
                String.class, e.dispatchId().value(), seq);
        if (before.isEmpty()) return false;
        DispatchStatus status = DispatchTimeline.statusAfter(DispatchStatus.valueOf(before.getFirst()), e);
        List<Object> args = new ArrayList<>(java.util.Arrays.asList(values)); // values may be null: not List.of
        args.add(status.name());
        args.add(seq);
        args.add(ts(e.at()));
        args.add(e.dispatchId().value());
        args.add(seq);
        return jdbc.update("UPDATE dispatch SET " + (assignments == null ? "" : assignments + ", ")
                + "status = ?, version = ?, updated_at = ? WHERE dispatch_id = ? AND version < ?", args.toArray()) > 0;
    }

    /** Replaces a slot's rows in one of its list tables with the event's entries, numbered in order. */
    private <T> void replace(String table, String columns, DispatchId dispatch, Instant slotStart, List<T> entries,
                             Function<T, Object[]> values) {
        String id = dispatch.value();
        Timestamp slot = ts(slotStart);
        jdbc.update("DELETE FROM " + table + " WHERE dispatch_id = ? AND slot_start = ?", id, slot);
        int n = columns.split(",").length;
        jdbc.batchUpdate("INSERT INTO " + table + " (dispatch_id, slot_start, position, " + columns + ") VALUES (?, ?, ?"
                + ", ?".repeat(n) + ")", rows(entries, (T entry, int i) -> {
                    Object[] v = values.apply(entry);
                    Object[] args = new Object[v.length + 3];
                    args[0] = id;
                    args[1] = slot;
                    args[2] = i;
                    System.arraycopy(v, 0, args, 3, v.length);
                    return args;
                }));
    }

    /** The new view to anyone waiting for it. */
    private void changed(DispatchId id) {
        // The view is read only for someone following this dispatch; a replay has no one.
        boolean followed = emitter.activeSubscriptions().stream()
                .anyMatch(q -> q.getPayload() instanceof FindDispatch f && f.dispatchId().equals(id));
        if (followed) repository.find(id).ifPresent(view -> emitter.emit(FindDispatch.class, q -> q.dispatchId().equals(id), view));
    }

    private interface Row<T> {
        Object[] of(T entry, int position);
    }

    private static <T> List<Object[]> rows(List<T> entries, Row<T> row) {
        List<Object[]> batch = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) batch.add(row.of(entries.get(i), i));
        return batch;
    }

    private static Double mw(Megawatts value) {
        return value == null ? null : value.value();
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
