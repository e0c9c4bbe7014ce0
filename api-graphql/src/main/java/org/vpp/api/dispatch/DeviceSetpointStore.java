package org.vpp.api.dispatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.messages.dispatch.DispatchId;
import org.vpp.messages.dispatch.DispatchKind;
import org.vpp.sagas.dispatch.DeviceCondition;
import org.vpp.sagas.dispatch.MeteredPower;
import org.vpp.sagas.port.Devices;

/**
 * The devices a dispatch talks to, through the setpoint outbox {@code device_setpoint} (migration {@code V1_4}): a
 * dispatch writes its setpoints there and the devices read what applies to them ({@link #effectiveAt},
 * {@link #effectiveBetween}): the simulator's twins every step, a real device gateway the same way. What the devices
 * did comes back as telemetry ({@code telemetry_reading}, {@code asset_last_state}) and their registry status from the
 * fleet read model ({@code asset_node}).
 * <p>
 * Every statement runs on the application's {@code JdbcTemplate}, so a send or a withdrawal commits or rolls back
 * with the dispatch saga's step that made it. Device ids are handed to PostgreSQL as one array per statement, so
 * 10,000 devices cost one round trip.
 */
public class DeviceSetpointStore implements Devices {

    /** Deeper trees than this are taken as broken (a cycle), and their devices as not online. */
    private static final int MAX_TREE_DEPTH = 32;

    private final JdbcTemplate jdbc;
    private final InstantSource clock;

    /** @param clock the application clock: when a setpoint was sent (the port's {@code send} carries no instant) */
    public DeviceSetpointStore(JdbcTemplate jdbc, InstantSource clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Writes one row per device in one statement. A row already there for the dispatch, slot and device is not sent
     * again: its first setpoint stands and its {@code sends} counts up, so a duplicated send is visible in the table.
     * Answers how many rows were new.
     */
    @Override
    public int send(DispatchId dispatch, DispatchKind mode, Instant slotStart, Instant slotEnd, Map<String, Double> setpointsMw) {
        Objects.requireNonNull(dispatch, "dispatch");
        if (mode != dispatch.kind()) {
            throw new IllegalArgumentException("a " + dispatch.kind() + " dispatch sends " + dispatch.kind()
                    + " setpoints, not " + mode + ": " + dispatch);
        }
        if (!slotEnd.isAfter(slotStart)) {
            throw new IllegalArgumentException("slot end " + slotEnd + " must be after its start " + slotStart);
        }
        if (setpointsMw.isEmpty()) return 0;
        String[] assets = new String[setpointsMw.size()];
        double[] values = new double[setpointsMw.size()];
        int i = 0;
        for (Map.Entry<String, Double> e : setpointsMw.entrySet()) {
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("setpoint of " + e.getKey() + " must be a finite MW value: " + e.getValue());
            }
            assets[i] = Objects.requireNonNull(e.getKey(), "asset id");
            values[i++] = e.getValue();
        }
        // xmax is 0 only on a row version this statement inserted; an updated (already sent) row has it set.
        Long inserted = jdbc.queryForObject("""
                WITH sent AS (
                    INSERT INTO device_setpoint (dispatch_id, asset_id, slot_start, slot_end, mode, setpoint_mw, sent_at)
                    SELECT ?, s.asset_id, ?, ?, ?, s.setpoint_mw, ?
                    FROM unnest(?::varchar[], ?::float8[]) AS s (asset_id, setpoint_mw)
                    ON CONFLICT (dispatch_id, slot_start, asset_id) DO UPDATE SET sends = device_setpoint.sends + 1
                    RETURNING xmax = 0 AS inserted)
                SELECT count(*) FILTER (WHERE inserted) FROM sent""", Long.class,
                dispatch.value(), utc(slotStart), utc(slotEnd), mode.name(), utc(clock.instant()), assets, values);
        return inserted == null ? 0 : Math.toIntExact(inserted);
    }

    @Override
    public Map<String, Double> sent(DispatchId dispatch, Instant slotStart) {
        Map<String, Double> sent = new LinkedHashMap<>();
        jdbc.query("SELECT asset_id, setpoint_mw FROM device_setpoint WHERE dispatch_id = ? AND slot_start = ? ORDER BY asset_id",
                rs -> {
                    sent.put(rs.getString(1), rs.getDouble(2));
                }, dispatch.value(), utc(slotStart));
        return Collections.unmodifiableMap(sent);
    }

    /** Marks the dispatch's setpoints of slots ending after {@code from} as not applying from then; a second call changes nothing. */
    @Override
    public void withdraw(DispatchId dispatch, Instant from) {
        jdbc.update("UPDATE device_setpoint SET withdrawn_from = ? WHERE dispatch_id = ? AND withdrawn_from IS NULL AND slot_end > ?",
                utc(from), dispatch.value(), utc(from));
    }

    /**
     * The manual deltas of every device over the slot, as a mean over it (MW): each manual setpoint counts for the part
     * of the slot it applies in (its own slot, cut at its withdrawal). On the dispatches' common slot grid this is the
     * plain sum of the manual setpoints of the slot not withdrawn at or before its start; a setpoint withdrawn within
     * the slot counts until then, as the devices follow it until then.
     */
    @Override
    public Map<String, Double> manualDeltas(Instant slotStart, Instant slotEnd) {
        if (!slotEnd.isAfter(slotStart)) {
            throw new IllegalArgumentException("slot end " + slotEnd + " must be after its start " + slotStart);
        }
        List<SentSetpoint> rows = jdbc.query("SELECT " + COLUMNS + """
                 FROM device_setpoint
                WHERE mode = 'MANUAL' AND slot_end > ? AND slot_start < ? AND (withdrawn_from IS NULL OR withdrawn_from > ?)""",
                DeviceSetpointStore::row, utc(slotStart), utc(slotEnd), utc(slotStart));
        double slotNanos = Duration.between(slotStart, slotEnd).toNanos();
        Map<String, Double> deltas = new java.util.TreeMap<>();
        for (SentSetpoint row : rows) {
            Instant from = latest(row.slotStart(), slotStart);
            Instant until = earliest(earliest(row.slotEnd(), slotEnd), row.withdrawnFrom() == null ? slotEnd : row.withdrawnFrom());
            if (until.isAfter(from)) {
                deltas.merge(row.assetId(), row.setpointMw() * Duration.between(from, until).toNanos() / slotNanos, Double::sum);
            }
        }
        return deltas;
    }

    /**
     * Every device asked for, with its registry status (online: it and every group above it ONLINE in the fleet read
     * model) and its newest reading; a device the read model does not know is not online and has no reading. The read
     * models hold only the present, so this is the condition at the time of the call, which a dispatch makes at
     * {@code now}.
     */
    @Override
    public Map<String, DeviceCondition> conditions(Collection<String> assetIds, Instant now) {
        String[] ids = distinct(assetIds);
        Map<String, Boolean> online = new HashMap<>();
        // Up the tree from each device: online when every node on the way is ONLINE and the way reaches the root.
        jdbc.query("""
                WITH RECURSIVE up (device, parent_id, online, depth) AS (
                    SELECT asset_id, parent_id, status = 'ONLINE', 0 FROM asset_node WHERE asset_id = ANY (?)
                    UNION ALL
                    SELECT up.device, n.parent_id, n.status = 'ONLINE', up.depth + 1
                    FROM up JOIN asset_node n ON n.asset_id = up.parent_id
                    WHERE up.depth < ?)
                SELECT device, bool_and(online) AND bool_or(parent_id IS NULL) FROM up GROUP BY device""",
                rs -> {
                    online.put(rs.getString(1), rs.getBoolean(2));
                }, ids, MAX_TREE_DEPTH);
        Map<String, DeviceCondition> conditions = new LinkedHashMap<>();
        for (String id : ids) conditions.put(id, new DeviceCondition(id, online.getOrDefault(id, false), null, null, null, false));
        jdbc.query("SELECT asset_id, at, power_mw, soc, available FROM asset_last_state WHERE asset_id = ANY (?)", rs -> {
            String id = rs.getString(1);
            conditions.put(id, new DeviceCondition(id, online.getOrDefault(id, false), rs.getTimestamp(2).toInstant(),
                    rs.getDouble(3), (Double) rs.getObject(4), rs.getBoolean(5)));
        }, (Object) ids);
        return Collections.unmodifiableMap(conditions);
    }

    /**
     * The mean of each device's readings stamped in {@code (from, to]}: a reading at {@code t} reports the power over
     * the step before {@code t} (a twin reports at the end of its step), so these are the readings of the period
     * {@code [from, to)}. Devices without a reading in it are absent.
     */
    @Override
    public Map<String, MeteredPower> metered(Collection<String> assetIds, Instant from, Instant to) {
        Map<String, MeteredPower> metered = new LinkedHashMap<>();
        jdbc.query("""
                SELECT asset_id, avg(power_mw), count(*) FROM telemetry_reading
                WHERE asset_id = ANY (?) AND at > ? AND at <= ?
                GROUP BY asset_id ORDER BY asset_id""", rs -> {
            metered.put(rs.getString(1), new MeteredPower(rs.getString(1), rs.getDouble(2), rs.getInt(3)));
        }, distinct(assetIds), utc(from), utc(to));
        return Collections.unmodifiableMap(metered);
    }

    /**
     * What each device is to follow at {@code at}: the market setpoint of the slot containing it (the one sent last
     * when several dispatches sent one) plus the manual deltas of that slot, setpoints withdrawn at or before
     * {@code at} left out; a device with deltas only follows 0 plus its deltas. Devices nothing applies to are absent.
     */
    public Map<String, Double> effectiveAt(Instant at) {
        List<SentSetpoint> rows = jdbc.query("SELECT " + COLUMNS + """
                 FROM device_setpoint
                WHERE slot_end > ? AND slot_start <= ? AND (withdrawn_from IS NULL OR withdrawn_from > ?)""",
                DeviceSetpointStore::row, utc(at), utc(at), utc(at));
        return EffectiveSetpoints.at(rows, at);
    }

    /**
     * {@link #effectiveAt} over {@code [from, to)} in one read, as a step function: each entry holds from its instant
     * until the next entry's (the last until {@code to}), the first at {@code from}; a new entry wherever a slot starts
     * or ends or a dispatch is withdrawn. A driver stepping devices reads it once per tick and takes, for each step,
     * the entry at or before the step's start.
     */
    public NavigableMap<Instant, Map<String, Double>> effectiveBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) return Collections.emptyNavigableMap();
        List<SentSetpoint> rows = jdbc.query("SELECT " + COLUMNS + """
                 FROM device_setpoint
                WHERE slot_end > ? AND slot_start < ? AND (withdrawn_from IS NULL OR withdrawn_from > ?)""",
                DeviceSetpointStore::row, utc(from), utc(to), utc(from));
        return EffectiveSetpoints.between(rows, from, to);
    }

    private static final String COLUMNS = "dispatch_id, asset_id, slot_start, slot_end, mode, setpoint_mw, sent_at, withdrawn_from";

    private static SentSetpoint row(ResultSet rs, int n) throws SQLException {
        Timestamp withdrawn = rs.getTimestamp(8);
        return new SentSetpoint(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                rs.getTimestamp(4).toInstant(), DispatchKind.valueOf(rs.getString(5)), rs.getDouble(6),
                rs.getTimestamp(7).toInstant(), withdrawn == null ? null : withdrawn.toInstant());
    }

    private static String[] distinct(Collection<String> ids) {
        return new LinkedHashSet<>(ids).toArray(String[]::new);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
