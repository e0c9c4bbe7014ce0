package org.vpp.query.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.messages.alert.AlertCleared;
import org.vpp.messages.alert.AlertId;
import org.vpp.messages.alert.AlertKind;
import org.vpp.messages.alert.AlertPage;
import org.vpp.messages.alert.AlertRaised;
import org.vpp.messages.alert.AlertView;
import org.vpp.messages.alert.FindAlerts;

/**
 * The alerts read model: one row per alert with its latest occurrence, guarded by the event's sequence number so a
 * redelivered event changes nothing. Each change goes to the subscribers of {@link FindAlerts} once it commits.
 */
@ProcessingGroup(AlertProjection.PROCESSING_GROUP)
public class AlertProjection {

    public static final String PROCESSING_GROUP = "alerts";
    public static final List<String> TABLES = List.of("alert");
    private static final String COLUMNS = "alert_id, kind, subject, active, raised_at, cleared_at, message, value, threshold,"
            + " occurrences, clear_reason";

    private final JdbcTemplate jdbc;
    private final QueryUpdateEmitter emitter;

    public AlertProjection(JdbcTemplate jdbc, QueryUpdateEmitter emitter) {
        this.jdbc = jdbc;
        this.emitter = emitter;
    }

    @EventHandler
    void on(AlertRaised e, @SequenceNumber long seq) {
        int changed = jdbc.update("""
                INSERT INTO alert AS a (alert_id, kind, subject, active, raised_at, message, value, threshold, occurrences, version)
                VALUES (?, ?, ?, true, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (alert_id) DO UPDATE SET active = true, raised_at = EXCLUDED.raised_at, cleared_at = NULL,
                    message = EXCLUDED.message, value = EXCLUDED.value, threshold = EXCLUDED.threshold,
                    occurrences = EXCLUDED.occurrences, clear_reason = NULL, version = EXCLUDED.version
                WHERE a.version < EXCLUDED.version""", e.alertId().value(), e.kind().name(), e.subject(), ts(e.at()),
                e.message(), e.value(), e.threshold(), e.occurrence(), seq);
        if (changed > 0) emit(e.alertId());
    }

    @EventHandler
    void on(AlertCleared e, @SequenceNumber long seq) {
        int changed = jdbc.update("""
                UPDATE alert SET active = false, cleared_at = ?, clear_reason = ?, version = ?
                WHERE alert_id = ? AND version < ?""", ts(e.at()), e.reason(), seq, e.alertId().value(), seq);
        if (changed > 0) emit(e.alertId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE " + String.join(", ", TABLES));
    }

    private void emit(AlertId id) {
        if (emitter.activeSubscriptions().stream().noneMatch(s -> s.getPayload() instanceof FindAlerts)) return;
        find(id).ifPresent(view -> emitter.emit(FindAlerts.class,
                q -> (q.active() == null || q.active() == view.active()) && (q.kind() == null || q.kind() == view.kind()), view));
    }

    public java.util.Optional<AlertView> find(AlertId id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM alert WHERE alert_id = ?", AlertProjection::view, id.value())
                .stream().findFirst();
    }

    /** Every active alert's id: what the alert watch compares the conditions it sees with. */
    public List<AlertId> activeIds() {
        return jdbc.query("SELECT alert_id FROM alert WHERE active ORDER BY alert_id", (rs, i) -> new AlertId(rs.getString(1)));
    }

    /** The latest raised first (then by id, descending); {@code after} is the last id of the previous page. */
    @QueryHandler
    public AlertPage handle(FindAlerts query) {
        List<String> clauses = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (query.active() != null) {
            clauses.add("active = ?");
            args.add(query.active());
        }
        if (query.kind() != null) {
            clauses.add("kind = ?");
            args.add(query.kind().name());
        }
        String where = clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        Long total = jdbc.queryForObject("SELECT count(*) FROM alert" + where, Long.class, args.toArray());
        if (query.after() != null) {
            clauses.add("(raised_at, alert_id) < ((SELECT raised_at FROM alert WHERE alert_id = ?), ?)");
            args.add(query.after().value());
            args.add(query.after().value());
        }
        where = clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        int first = Math.max(1, Math.min(query.first(), FindAlerts.MAX_PAGE));
        args.add(first + 1);
        List<AlertView> rows = jdbc.query("SELECT " + COLUMNS + " FROM alert" + where + " ORDER BY raised_at DESC, alert_id DESC LIMIT ?",
                AlertProjection::view, args.toArray());
        boolean hasNext = rows.size() > first;
        return new AlertPage(hasNext ? rows.subList(0, first) : rows, hasNext, total == null ? 0 : total);
    }

    private static AlertView view(ResultSet rs, int row) throws SQLException {
        return new AlertView(new AlertId(rs.getString(1)), AlertKind.valueOf(rs.getString(2)), rs.getString(3), rs.getBoolean(4),
                rs.getTimestamp(5).toInstant(), instant(rs.getTimestamp(6)), rs.getString(7), nullableDouble(rs, 8),
                nullableDouble(rs, 9), rs.getInt(10), rs.getString(11));
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
