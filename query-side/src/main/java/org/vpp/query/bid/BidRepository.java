package org.vpp.query.bid;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.BidHistoryEntry;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.BidInputsView;
import org.vpp.messages.bid.BidPage;
import org.vpp.messages.bid.BidScheduleView;
import org.vpp.messages.bid.BidSlotView;
import org.vpp.messages.bid.BidStatus;
import org.vpp.messages.bid.BidView;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.bid.FindBids;
import org.vpp.messages.bid.ForecastReference;
import org.vpp.messages.bid.MarketOutcome;
import org.vpp.messages.bid.SolverSettings;
import org.vpp.messages.forecast.ForecastId;

/** SQL of the bid read model: {@code bid} with its {@code bid_slot} and {@code bid_history} rows. */
public class BidRepository {

    private final JdbcTemplate jdbc;

    public BidRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<BidView> find(BidId id) {
        return withDetails(jdbc.query("SELECT * FROM bid WHERE bid_id = ?", BidRepository::row, id.value()))
                .stream().findFirst();
    }

    /** Newest delivery day first, then by id; {@code after} is the last id of the previous page. */
    public BidPage page(FindBids query) {
        List<String> clauses = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (query.deliveryDay() != null) {
            clauses.add("delivery_day = ?");
            args.add(java.sql.Date.valueOf(query.deliveryDay()));
        }
        if (query.status() != null) {
            clauses.add("status = ?");
            args.add(query.status().name());
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM bid" + where(clauses), Long.class, args.toArray());
        if (query.after() != null) {
            clauses.add("(delivery_day < ? OR (delivery_day = ? AND bid_id > ?))");
            java.sql.Date day = java.sql.Date.valueOf(query.after().deliveryDay());
            args.add(day);
            args.add(day);
            args.add(query.after().value());
        }
        args.add(query.first() + 1);
        List<Row> rows = jdbc.query("SELECT * FROM bid" + where(clauses) + " ORDER BY delivery_day DESC, bid_id LIMIT ?",
                BidRepository::row, args.toArray());
        boolean hasNext = rows.size() > query.first();
        return new BidPage(withDetails(hasNext ? rows.subList(0, query.first()) : rows), hasNext, total == null ? 0 : total);
    }

    private static String where(List<String> clauses) {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /** A bid row before its slots and history are attached. */
    private record Row(BidId id, BidStatus status, MarketOutcome outcome, Instant openedAt, Instant gateClosure,
                       Instant deliveryStart, Instant deliveryEnd, Duration slotLength, BidInputsView inputs,
                       BidScheduleView schedule, String pricingRule, Instant draftedAt, Instant submittedAt,
                       Instant resultReceivedAt, Instant closedAt, Instant abortedAt, String abortReason,
                       Instant updatedAt, long version) {
    }

    /** Slots and history of every row in two queries, whatever the page size. */
    private List<BidView> withDetails(List<Row> rows) {
        if (rows.isEmpty()) return List.of();
        String[] ids = rows.stream().map(r -> r.id().value()).toArray(String[]::new);
        Map<String, List<BidSlotView>> slots = new HashMap<>();
        jdbc.query("SELECT * FROM bid_slot WHERE bid_id = ANY (?) ORDER BY bid_id, slot_start",
                rs -> { slots.computeIfAbsent(rs.getString("bid_id"), k -> new ArrayList<>()).add(slot(rs)); }, (Object) ids);
        Map<String, List<BidHistoryEntry>> history = new HashMap<>();
        jdbc.query("SELECT * FROM bid_history WHERE bid_id = ANY (?) ORDER BY bid_id, seq",
                rs -> { history.computeIfAbsent(rs.getString("bid_id"), k -> new ArrayList<>()).add(entry(rs)); }, (Object) ids);
        List<BidView> views = new ArrayList<>(rows.size());
        for (Row r : rows) {
            List<BidSlotView> s = slots.getOrDefault(r.id().value(), List.of());
            views.add(new BidView(r.id(), r.status(), r.outcome(), r.openedAt(), r.gateClosure(), r.deliveryStart(),
                    r.deliveryEnd(), r.slotLength(), r.inputs(), r.schedule(), r.pricingRule(), r.draftedAt(),
                    r.submittedAt(), r.resultReceivedAt(), r.closedAt(), r.abortedAt(), r.abortReason(), s,
                    history.getOrDefault(r.id().value(), List.of()), BidFigures.totals(s, r.slotLength()),
                    r.updatedAt(), r.version()));
        }
        return views;
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        String outcome = rs.getString("outcome");
        return new Row(BidId.of(rs.getString("bid_id")), BidStatus.valueOf(rs.getString("status")),
                outcome == null ? null : MarketOutcome.valueOf(outcome), instant(rs, "opened_at"),
                instant(rs, "gate_closure"), instant(rs, "delivery_start"), instant(rs, "delivery_end"),
                Duration.ofSeconds(rs.getLong("slot_seconds")), inputs(rs), schedule(rs), rs.getString("pricing_rule"),
                instant(rs, "drafted_at"), instant(rs, "submitted_at"), instant(rs, "result_received_at"),
                instant(rs, "closed_at"), instant(rs, "aborted_at"), rs.getString("abort_reason"),
                instant(rs, "updated_at"), rs.getLong("version"));
    }

    private static BidInputsView inputs(ResultSet rs) throws SQLException {
        Instant fetchedAt = instant(rs, "inputs_fetched_at");
        if (fetchedAt == null) return null;
        return new BidInputsView(fetchedAt,
                ContentReference.of(rs.getString("fleet_snapshot_id"), rs.getString("fleet_snapshot_sha256")),
                rs.getInt("device_count"),
                ContentReference.of(rs.getString("device_forecasts_id"), rs.getString("device_forecasts_sha256")),
                new ForecastReference(new ForecastId(rs.getString("price_forecast_id")), rs.getString("price_forecast_model"),
                        rs.getString("price_forecast_sha256"), rs.getBoolean("price_forecast_fallback")));
    }

    private static BidScheduleView schedule(ResultSet rs) throws SQLException {
        Instant preparedAt = instant(rs, "schedule_prepared_at");
        if (preparedAt == null) return null;
        Map<String, String> parameters = new LinkedHashMap<>();
        String[] names = strings(rs.getArray("solver_parameter_names"));
        String[] values = strings(rs.getArray("solver_parameter_values"));
        for (int k = 0; k < names.length; k++) parameters.put(names[k], values[k]);
        return new BidScheduleView(preparedAt,
                ContentReference.of(rs.getString("schedule_id"), rs.getString("schedule_sha256")),
                rs.getString("schedule_score"), rs.getDouble("expected_revenue_eur"), dbl(rs, "gap_to_bound"),
                new SolverSettings(rs.getString("solver"), Duration.parse(rs.getString("solver_time_budget")),
                        rs.getLong("solver_seed"), parameters));
    }

    private static BidSlotView slot(ResultSet rs) throws SQLException {
        return new BidSlotView(instant(rs, "slot_start"), mw(rs, "flexibility_up_mw"), mw(rs, "flexibility_down_mw"),
                mw(rs, "planned_mw"), mw(rs, "quantity_mw"), price(rs, "limit_price_eur_per_mwh"), mw(rs, "cleared_mw"),
                price(rs, "clearing_price_eur_per_mwh"));
    }

    private static BidHistoryEntry entry(ResultSet rs) throws SQLException {
        return new BidHistoryEntry(rs.getLong("seq"), rs.getString("type"), instant(rs, "at"), rs.getString("detail"));
    }

    private static Megawatts mw(ResultSet rs, String column) throws SQLException {
        Double v = dbl(rs, column);
        return v == null ? null : Megawatts.of(v);
    }

    private static EurPerMwh price(ResultSet rs, String column) throws SQLException {
        Double v = dbl(rs, column);
        return v == null ? null : EurPerMwh.of(v);
    }

    private static Double dbl(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
