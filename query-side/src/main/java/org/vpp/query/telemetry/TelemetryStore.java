package org.vpp.query.telemetry;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.vpp.query.fleet.FleetRollups;
import org.vpp.kernel.AssetKind;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetStatus;
import org.vpp.messages.asset.StatusOrigin;
import org.vpp.messages.telemetry.DeviceHealth;

/**
 * Telemetry storage: readings go to the time-indexed {@code telemetry_reading} table and the newest per device to
 * {@code asset_last_state}; never to the event store. A request is validated reading by reading while it streams
 * into a staging table with COPY, in one transaction: any problem rolls everything back.
 */
public class TelemetryStore {

    public static final int MAX_PROBLEMS = 100;
    static final int CHUNK = 5_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Duration maxAhead;

    /** @param maxAhead how far ahead of the application clock a reading may be stamped */
    public TelemetryStore(JdbcTemplate jdbc, TransactionTemplate tx, Duration maxAhead, FleetRollups rollups) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.maxAhead = maxAhead;
        this.rollups = rollups;
    }

    private final FleetRollups rollups;

    /** Stores the readings all or nothing; once they are committed, the fleet's cached roll-ups are out of date. */
    public IngestResult ingest(Iterator<ReadingInput> readings, Instant now) {
        IngestResult result = store(readings, now);
        if (result.accepted() && result.stored() > 0) rollups.telemetryChanged(result.assets());
        return result;
    }

    private IngestResult store(Iterator<ReadingInput> readings, Instant now) {
        return tx.execute(status -> {
            jdbc.execute("""
                    CREATE TEMP TABLE IF NOT EXISTS telemetry_staging (
                        asset_id VARCHAR(64) COLLATE "C", at TIMESTAMPTZ, power_mw DOUBLE PRECISION,
                        soc DOUBLE PRECISION, available BOOLEAN) ON COMMIT DELETE ROWS""");
            Map<AssetId, Optional<KnownDevice>> devices = new HashMap<>();
            List<TelemetryProblem> problems = new ArrayList<>();
            boolean truncated = false;
            long index = 0;
            List<ReadingInput> chunk = new ArrayList<>(CHUNK);
            while (readings.hasNext()) {
                chunk.clear();
                while (readings.hasNext() && chunk.size() < CHUNK) chunk.add(readings.next());
                lookUp(chunk, devices);
                StringBuilder copy = new StringBuilder(chunk.size() * 64);
                for (ReadingInput r : chunk) {
                    var problem = TelemetryRules.check(index++, r, id -> devices.getOrDefault(id, Optional.empty()), now, maxAhead);
                    if (problem.isPresent()) {
                        if (problems.size() < MAX_PROBLEMS) problems.add(problem.get());
                        else truncated = true;
                    } else if (problems.isEmpty()) {
                        appendCopyLine(copy, r);
                    }
                }
                if (problems.isEmpty() && !copy.isEmpty()) copyIntoStaging(copy.toString());
            }
            if (!problems.isEmpty()) {
                status.setRollbackOnly();
                return new IngestResult(index, 0, List.copyOf(problems), truncated, Set.of());
            }
            int stored = jdbc.update("""
                    INSERT INTO telemetry_reading (asset_id, at, power_mw, soc, available, received_at)
                    SELECT asset_id, at, power_mw, soc, available, ? FROM telemetry_staging
                    ON CONFLICT (asset_id, at) DO NOTHING""", Timestamp.from(now));
            jdbc.update("""
                    INSERT INTO asset_last_state (asset_id, at, power_mw, soc, available, received_at)
                    SELECT DISTINCT ON (asset_id) asset_id, at, power_mw, soc, available, ? FROM telemetry_staging
                    ORDER BY asset_id, at DESC
                    ON CONFLICT (asset_id) DO UPDATE SET at = EXCLUDED.at, power_mw = EXCLUDED.power_mw,
                        soc = EXCLUDED.soc, available = EXCLUDED.available, received_at = EXCLUDED.received_at
                    WHERE asset_last_state.at < EXCLUDED.at""", Timestamp.from(now));
            Set<AssetId> assets = new HashSet<>(jdbc.query("SELECT DISTINCT asset_id FROM telemetry_staging",
                    (rs, i) -> AssetId.of(rs.getString(1))));
            return new IngestResult(index, stored, List.of(), false, Set.copyOf(assets));
        });
    }

    /** Devices for the health policy: those that can be lost (ONLINE) or restored (OFFLINE by telemetry). */
    public List<DeviceHealth> devicesToWatch(Collection<AssetId> only) {
        String sql = """
                SELECT n.asset_id, n.status, n.status_origin, n.registered_at, s.at, s.available
                FROM asset_node n LEFT JOIN asset_last_state s ON s.asset_id = n.asset_id
                WHERE n.kind NOT IN ('PORTFOLIO', 'REGION', 'SITE')
                  AND (n.status = 'ONLINE' OR (n.status = 'OFFLINE' AND n.status_origin = 'TELEMETRY'))""";
        Object[] args = {};
        if (only != null) {
            sql += " AND n.asset_id = ANY (?)";
            args = new Object[]{only.stream().map(AssetId::value).toArray(String[]::new)};
        }
        return jdbc.query(sql, (rs, i) -> new DeviceHealth(AssetId.of(rs.getString(1)), AssetStatus.valueOf(rs.getString(2)),
                StatusOrigin.valueOf(rs.getString(3)), instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)),
                rs.getObject(6) == null ? null : rs.getBoolean(6)), args);
    }

    private void lookUp(List<ReadingInput> chunk, Map<AssetId, Optional<KnownDevice>> devices) {
        Set<String> missing = new HashSet<>();
        for (ReadingInput r : chunk) {
            if (r.assetId() != null && AssetId.isValid(r.assetId()) && !devices.containsKey(AssetId.of(r.assetId()))) {
                missing.add(r.assetId());
            }
        }
        if (missing.isEmpty()) return;
        // The command side's topology, not the fleet read model: a replay of the fleet projection must not refuse telemetry.
        jdbc.query("SELECT asset_id, kind, decommissioned FROM asset_topology WHERE asset_id = ANY (?)", rs -> {
            devices.put(AssetId.of(rs.getString(1)),
                    Optional.of(new KnownDevice(AssetKind.valueOf(rs.getString(2)), rs.getBoolean(3))));
        }, (Object) missing.toArray(String[]::new));
        for (String id : missing) devices.putIfAbsent(AssetId.of(id), Optional.empty());
    }

    /** Times are kept to the microsecond (PostgreSQL's precision), truncated rather than rounded. */
    private static void appendCopyLine(StringBuilder out, ReadingInput r) {
        out.append(r.assetId()).append('\t').append(r.at().truncatedTo(ChronoUnit.MICROS)).append('\t').append(r.powerMw()).append('\t')
                .append(r.soc() == null ? "\\N" : r.soc().toString()).append('\t').append(r.available()).append('\n');
    }

    private void copyIntoStaging(String rows) {
        jdbc.execute((ConnectionCallback<Long>) con -> {
            try {
                return con.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY telemetry_staging (asset_id, at, power_mw, soc, available) FROM STDIN", new StringReader(rows));
            } catch (IOException e) {
                throw new SQLException("COPY into telemetry staging failed", e);
            }
        });
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
