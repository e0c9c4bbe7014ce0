package org.vpp.api.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a child application's database holds, read directly (the reliability probes check the store, not the API):
 * an aggregate's events by type, the slots its events name, any count, and the deadlines left for ended sagas.
 */
final class StoredEvents {

    /** Opens a connection to the database being probed. */
    interface Database {
        Connection open() throws SQLException;
    }

    /** Deadlines in {@code scheduled_tasks} whose saga is gone: the FROM/WHERE part, to select what is wanted from. */
    static final String DEADLINES_OF_ENDED_SAGAS = " FROM scheduled_tasks t WHERE NOT EXISTS (SELECT 1 FROM saga_entry s"
            + " WHERE position(convert_to(s.saga_id, 'UTF8') IN t.task_data) > 0)";

    private final Database database;

    private StoredEvents(Database database) {
        this.database = database;
    }

    /** The embedded PostgreSQL of the application whose data directory this is (running while it is read). */
    static StoredEvents of(Path dataDir) {
        return new StoredEvents(() -> ChildApplication.connect(dataDir));
    }

    /** A PostgreSQL the test runs itself. */
    static StoredEvents at(String url) {
        return new StoredEvents(() -> DriverManager.getConnection(url, "postgres", ""));
    }

    /** The simple names of an aggregate's event types, in order. */
    List<String> types(String aggregate) throws SQLException {
        List<String> types = new ArrayList<>();
        for (String type : texts("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number", aggregate)) {
            types.add(type.substring(type.lastIndexOf('.') + 1));
        }
        return types;
    }

    Map<String, Long> countsByType(String aggregate) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String type : types(aggregate)) counts.merge(type, 1L, Long::sum);
        return counts;
    }

    long count(String aggregate, String type) throws SQLException {
        return countsByType(aggregate).getOrDefault(type, 0L);
    }

    /** How many different slots the aggregate's events of this type name. */
    long distinctSlots(String aggregate, String type) throws SQLException {
        return query("SELECT count(DISTINCT convert_from(payload, 'UTF8')::json->>'slotStart') FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? AND payload_type LIKE ?", aggregate, "%." + type);
    }

    /** The first column of the first row, as a number. */
    long query(String sql, Object... args) throws SQLException {
        try (Connection c = database.open(); PreparedStatement s = prepared(c, sql, args); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The first column of every row, as text. */
    List<String> texts(String sql, Object... args) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = database.open(); PreparedStatement s = prepared(c, sql, args); ResultSet rs = s.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    Connection open() throws SQLException {
        return database.open();
    }

    private static PreparedStatement prepared(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) s.setObject(i + 1, args[i]);
        return s;
    }
}
