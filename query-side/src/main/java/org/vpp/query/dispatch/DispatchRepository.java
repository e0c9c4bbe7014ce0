package org.vpp.query.dispatch;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.dispatch.AssetAllocation;
import org.vpp.messages.dispatch.DeviationCause;
import org.vpp.messages.dispatch.DispatchId;
import org.vpp.messages.dispatch.DispatchKind;
import org.vpp.messages.dispatch.DispatchPage;
import org.vpp.messages.dispatch.DispatchSettlementView;
import org.vpp.messages.dispatch.DispatchSlotView;
import org.vpp.messages.dispatch.DispatchStatus;
import org.vpp.messages.dispatch.DispatchView;
import org.vpp.messages.dispatch.FindDispatches;
import org.vpp.messages.dispatch.NodeSettlement;
import org.vpp.messages.dispatch.Redispatch;
import org.vpp.messages.dispatch.SettlementDayView;
import org.vpp.messages.dispatch.Shortfall;
import org.vpp.messages.dispatch.ShortfallCause;
import org.vpp.messages.dispatch.SlotSettlement;

/**
 * SQL of the dispatch read model: {@code dispatch} with its slots (and their shortfalls, re-dispatches and
 * deviation causes), allocations and settlement rows.
 */
public class DispatchRepository {

    private final JdbcTemplate jdbc;

    public DispatchRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DispatchView> find(DispatchId id) {
        return withDetails(jdbc.query("SELECT * FROM dispatch WHERE dispatch_id = ?", DispatchRepository::row, id.value()))
                .stream().findFirst();
    }

    /** Latest delivery start first, then by id; {@code after} is the last id of the previous page. */
    public DispatchPage page(FindDispatches query) {
        List<String> clauses = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (query.kind() != null) {
            clauses.add("kind = ?");
            args.add(query.kind().name());
        }
        if (query.status() != null) {
            clauses.add("status = ?");
            args.add(query.status().name());
        }
        if (query.day() != null) {
            clauses.add("delivery_day = ?");
            args.add(java.sql.Date.valueOf(query.day()));
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM dispatch" + where(clauses), Long.class, args.toArray());
        if (query.after() != null) {
            // An id no longer in the model (a replay under way) ends the listing rather than restarting it.
            clauses.add("""
                    EXISTS (SELECT 1 FROM dispatch a WHERE a.dispatch_id = ? AND (dispatch.delivery_start < a.delivery_start
                        OR (dispatch.delivery_start = a.delivery_start AND dispatch.dispatch_id > a.dispatch_id)))""");
            args.add(query.after().value());
        }
        args.add(query.first() + 1);
        List<Row> rows = jdbc.query("SELECT * FROM dispatch" + where(clauses)
                + " ORDER BY delivery_start DESC, dispatch_id LIMIT ?", DispatchRepository::row, args.toArray());
        boolean hasNext = rows.size() > query.first();
        return new DispatchPage(withDetails(hasNext ? rows.subList(0, query.first()) : rows), hasNext,
                total == null ? 0 : total);
    }

    /**
     * The dispatches settled for {@code day}, earliest delivery start first, and per node the sums over them of
     * delivered energy, revenue and imbalance (kind and parent as the latest settlement names them). Energies are
     * added as decimals (each at 15 significant digits), so 1.2 + 0.35 is 1.55 whatever order the rows come in.
     */
    public SettlementDayView settlements(LocalDate day) {
        java.sql.Date date = java.sql.Date.valueOf(day);
        List<DispatchView> dispatches = withDetails(jdbc.query(
                "SELECT * FROM dispatch WHERE settlement_day = ? ORDER BY delivery_start, dispatch_id",
                DispatchRepository::row, date));
        List<NodeSettlement> nodes = jdbc.query("""
                SELECT n.node_id,
                       (array_agg(n.kind ORDER BY d.settled_at DESC, d.dispatch_id))[1] AS kind,
                       (array_agg(n.parent_id ORDER BY d.settled_at DESC, d.dispatch_id))[1] AS parent_id,
                       sum(n.delivered_mwh::numeric)::float8 AS delivered_mwh, sum(n.revenue_eur) AS revenue_eur,
                       sum(n.imbalance_eur) AS imbalance_eur
                FROM settlement_node n JOIN dispatch d ON d.dispatch_id = n.dispatch_id
                WHERE d.settlement_day = ?
                GROUP BY n.node_id
                ORDER BY n.node_id""", DispatchRepository::node, date);
        return new SettlementDayView(day, dispatches, nodes,
                DispatchFigures.sum(dispatches.stream().map(DispatchView::totals).toList()));
    }

    private static String where(List<String> clauses) {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /** A dispatch row before its slots, allocations and settlement rows are attached. */
    private record Row(DispatchId id, DispatchKind kind, DispatchStatus status, BidId bidId, String nodeId,
                       LocalDate deliveryDay, Instant plannedAt, Instant start, Instant end, Duration slotLength,
                       ContentReference plan, int deviceCount, Megawatts requested, Megawatts unmet, String reason,
                       Instant cancelledAt, String cancelReason, Instant completedAt, Integer slotsMeasured,
                       Megawatts meanDeviation, Instant settledAt, LocalDate settlementDay, String pricing,
                       ContentReference settlementPerAsset, BigDecimal revenueEur, BigDecimal imbalanceEur,
                       Instant updatedAt, long version) {
    }

    /** A slot's rows in the list tables are keyed by dispatch and slot start. */
    private record SlotKey(String dispatchId, Instant start) {
    }

    /** Every child row of every dispatch in a fixed number of queries, whatever the page size. */
    private List<DispatchView> withDetails(List<Row> rows) {
        if (rows.isEmpty()) return List.of();
        Object ids = rows.stream().map(r -> r.id().value()).toArray(String[]::new);
        Map<SlotKey, List<Shortfall>> shortfalls = bySlot("dispatch_shortfall", ids, rs -> new Shortfall(
                rs.getString("asset_id"), Megawatts.of(rs.getDouble("missing_mw")), ShortfallCause.valueOf(rs.getString("cause"))));
        Map<SlotKey, List<Redispatch>> redispatches = bySlot("dispatch_redispatch", ids, rs -> new Redispatch(
                rs.getString("from_asset_id"), rs.getString("to_asset_id"), Megawatts.of(rs.getDouble("power_mw")),
                rs.getString("level")));
        Map<SlotKey, List<DeviationCause>> causes = bySlot("dispatch_deviation_cause", ids, rs -> new DeviationCause(
                rs.getString("asset_id"), Megawatts.of(rs.getDouble("deviation_mw")), rs.getString("cause")));
        Map<String, List<DispatchSlotView>> slots = byDispatch(
                "SELECT * FROM dispatch_slot WHERE dispatch_id = ANY (?) ORDER BY dispatch_id, slot_start", ids, rs -> {
                    SlotKey key = new SlotKey(rs.getString("dispatch_id"), instant(rs, "slot_start"));
                    return new DispatchSlotView(key.start(), Megawatts.of(rs.getDouble("target_mw")),
                            price(rs, "clearing_price_eur_per_mwh"), instant(rs, "dispatched_at"),
                            integer(rs, "setpoints_sent"), shortfalls.getOrDefault(key, List.of()),
                            redispatches.getOrDefault(key, List.of()), mw(rs, "uncovered_mw"), instant(rs, "measured_at"),
                            mw(rs, "delivered_mw"), mw(rs, "deviation_mw"), causes.getOrDefault(key, List.of()),
                            integer(rs, "readings"), integer(rs, "devices_without_readings"),
                            content(rs, "per_asset_id", "per_asset_sha256"));
                });
        Map<String, List<AssetAllocation>> allocations = byDispatch(
                "SELECT * FROM dispatch_allocation WHERE dispatch_id = ANY (?) ORDER BY dispatch_id, position", ids,
                rs -> new AssetAllocation(rs.getString("asset_id"), Megawatts.of(rs.getDouble("power_mw")),
                        rs.getDouble("marginal_cost_eur_per_mwh"), Megawatts.of(rs.getDouble("headroom_mw"))));
        Map<String, List<SlotSettlement>> settledSlots = byDispatch(
                "SELECT * FROM settlement_slot WHERE dispatch_id = ANY (?) ORDER BY dispatch_id, slot_start", ids,
                rs -> new SlotSettlement(instant(rs, "slot_start"), rs.getDouble("target_mwh"), rs.getDouble("delivered_mwh"),
                        rs.getDouble("deviation_mwh"), rs.getDouble("clearing_price_eur_per_mwh"),
                        rs.getDouble("imbalance_price_eur_per_mwh"), rs.getString("system_direction"),
                        rs.getBigDecimal("revenue_eur"), rs.getBigDecimal("imbalance_eur")));
        Map<String, List<NodeSettlement>> settledNodes = byDispatch(
                "SELECT * FROM settlement_node WHERE dispatch_id = ANY (?) ORDER BY dispatch_id, position", ids,
                rs -> node(rs, 0));
        List<DispatchView> views = new ArrayList<>(rows.size());
        for (Row r : rows) {
            String id = r.id().value();
            List<DispatchSlotView> s = slots.getOrDefault(id, List.of());
            DispatchSettlementView settlement = r.settledAt() == null ? null : new DispatchSettlementView(r.settledAt(),
                    r.settlementDay(), r.pricing(), r.settlementPerAsset(), r.revenueEur(), r.imbalanceEur(),
                    settledSlots.getOrDefault(id, List.of()), settledNodes.getOrDefault(id, List.of()));
            views.add(new DispatchView(r.id(), r.kind(), r.status(), r.bidId(), r.nodeId(), r.deliveryDay(), r.plannedAt(),
                    r.start(), r.end(), r.slotLength(), r.plan(), r.deviceCount(), r.requested(), r.unmet(),
                    allocations.getOrDefault(id, List.of()), r.reason(), r.cancelledAt(), r.cancelReason(),
                    r.completedAt(), r.slotsMeasured(), r.meanDeviation(), s, settlement,
                    DispatchFigures.totals(s, r.slotLength(), r.revenueEur(), r.imbalanceEur()), r.updatedAt(),
                    r.version()));
        }
        return views;
    }

    /** Reads one value from the current row of a result set. */
    private interface Reader<T> {
        T from(ResultSet rs) throws SQLException;
    }

    private <T> Map<String, List<T>> byDispatch(String sql, Object ids, Reader<T> read) {
        Map<String, List<T>> map = new HashMap<>();
        jdbc.query(sql, rs -> {
            map.computeIfAbsent(rs.getString("dispatch_id"), k -> new ArrayList<>()).add(read.from(rs));
        }, ids);
        return map;
    }

    private <T> Map<SlotKey, List<T>> bySlot(String table, Object ids, Reader<T> read) {
        Map<SlotKey, List<T>> map = new HashMap<>();
        jdbc.query("SELECT * FROM " + table + " WHERE dispatch_id = ANY (?) ORDER BY dispatch_id, slot_start, position",
                rs -> {
                    SlotKey key = new SlotKey(rs.getString("dispatch_id"), instant(rs, "slot_start"));
                    map.computeIfAbsent(key, k -> new ArrayList<>()).add(read.from(rs));
                }, ids);
        return map;
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        String bid = rs.getString("bid_id");
        java.sql.Date settlementDay = rs.getDate("settlement_day");
        return new Row(DispatchId.of(rs.getString("dispatch_id")), DispatchKind.valueOf(rs.getString("kind")),
                DispatchStatus.valueOf(rs.getString("status")), bid == null ? null : BidId.of(bid),
                rs.getString("node_id"), rs.getDate("delivery_day").toLocalDate(), instant(rs, "planned_at"),
                instant(rs, "delivery_start"), instant(rs, "delivery_end"), Duration.ofSeconds(rs.getLong("slot_seconds")),
                content(rs, "plan_id", "plan_sha256"), rs.getInt("device_count"), mw(rs, "requested_mw"),
                mw(rs, "unmet_mw"), rs.getString("reason"), instant(rs, "cancelled_at"), rs.getString("cancel_reason"),
                instant(rs, "completed_at"), integer(rs, "slots_measured"), mw(rs, "mean_deviation_mw"),
                instant(rs, "settled_at"), settlementDay == null ? null : settlementDay.toLocalDate(),
                rs.getString("settlement_pricing"),
                content(rs, "settlement_per_asset_id", "settlement_per_asset_sha256"), rs.getBigDecimal("revenue_eur"),
                rs.getBigDecimal("imbalance_eur"), instant(rs, "updated_at"), rs.getLong("version"));
    }

    private static NodeSettlement node(ResultSet rs, int i) throws SQLException {
        return new NodeSettlement(rs.getString("node_id"), rs.getString("kind"), rs.getString("parent_id"),
                rs.getDouble("delivered_mwh"), rs.getBigDecimal("revenue_eur"), rs.getBigDecimal("imbalance_eur"));
    }

    private static ContentReference content(ResultSet rs, String id, String sha256) throws SQLException {
        String value = rs.getString(id);
        return value == null ? null : ContentReference.of(value, rs.getString(sha256));
    }

    private static Megawatts mw(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : Megawatts.of(v);
    }

    private static EurPerMwh price(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : EurPerMwh.of(v);
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
