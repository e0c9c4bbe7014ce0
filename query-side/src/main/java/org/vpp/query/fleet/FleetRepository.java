package org.vpp.query.fleet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.GeoLocation;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetStatus;
import org.vpp.messages.asset.StatusOrigin;
import org.vpp.messages.fleet.AssetFilter;
import org.vpp.messages.fleet.AssetPage;
import org.vpp.messages.fleet.AssetView;
import org.vpp.messages.fleet.LastTelemetry;

/** SQL of the fleet read model: the {@code asset_node} table joined with {@code asset_last_state}. */
public class FleetRepository {

    static final String COLUMNS = """
            n.asset_id, n.kind, n.name, n.parent_id, n.status, n.status_origin, n.status_reason, n.latitude, n.longitude,
            n.min_power_mw, n.max_power_mw, n.energy_capacity_mwh, n.charge_efficiency, n.discharge_efficiency,
            n.ramp_rate_mw_per_min, n.min_soc, n.max_soc, n.reserve_soc, n.grid_connection_limit_mw,
            n.registered_at, n.updated_at, n.version, s.at AS last_at, s.power_mw AS last_power_mw, s.soc AS last_soc,
            s.available AS last_available""";
    static final String FROM = " FROM asset_node n LEFT JOIN asset_last_state s ON s.asset_id = n.asset_id ";

    private final JdbcTemplate jdbc;

    public FleetRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AssetView> find(AssetId id) {
        return jdbc.query("SELECT " + COLUMNS + FROM + "WHERE n.asset_id = ?", FleetRepository::view, id.value())
                .stream().findFirst();
    }

    public AssetPage page(AssetFilter filter, int first, AssetId after) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        Long total = jdbc.queryForObject("SELECT count(*) FROM asset_node n" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        String keyset = "";
        if (after != null) {
            keyset = (where.isEmpty() ? " WHERE " : " AND ") + "n.asset_id > ?";
            pageArgs.add(after.value());
        }
        pageArgs.add(first + 1);
        List<AssetView> items = jdbc.query("SELECT " + COLUMNS + FROM + where + keyset + " ORDER BY n.asset_id LIMIT ?",
                FleetRepository::view, pageArgs.toArray());
        boolean hasNext = items.size() > first;
        return new AssetPage(hasNext ? items.subList(0, first) : items, hasNext, total == null ? 0 : total);
    }

    /**
     * A page of direct children for each parent, in two statements whatever the number of parents: the counts, then
     * each parent's first {@code first + 1} children after {@code after} (window function over the parent index).
     */
    public java.util.Map<AssetId, AssetPage> children(List<AssetId> parents, int first, AssetId after) {
        String[] ids = parents.stream().map(AssetId::value).distinct().toArray(String[]::new);
        java.util.Map<String, Long> totals = new java.util.HashMap<>();
        jdbc.query("SELECT parent_id, count(*) FROM asset_node WHERE parent_id = ANY (?) GROUP BY parent_id",
                rs -> { totals.put(rs.getString(1), rs.getLong(2)); }, (Object) ids);
        java.util.Map<String, List<AssetView>> items = new java.util.HashMap<>();
        String keyset = after == null ? "" : " AND n.asset_id > ?";
        List<Object> args = new ArrayList<>(List.of((Object) ids));
        if (after != null) args.add(after.value());
        args.add(first + 1);
        jdbc.query("SELECT * FROM (SELECT " + COLUMNS + ", row_number() OVER (PARTITION BY n.parent_id ORDER BY n.asset_id) AS rn"
                        + FROM + "WHERE n.parent_id = ANY (?)" + keyset + ") x WHERE rn <= ? ORDER BY parent_id, asset_id",
                rs -> {
                    AssetView view = view(rs, 0);
                    items.computeIfAbsent(view.parentId().value(), k -> new ArrayList<>()).add(view);
                }, args.toArray());
        java.util.Map<AssetId, AssetPage> pages = new java.util.LinkedHashMap<>();
        for (String id : ids) {
            List<AssetView> page = items.getOrDefault(id, List.of());
            boolean hasNext = page.size() > first;
            pages.put(AssetId.of(id), new AssetPage(hasNext ? page.subList(0, first) : page, hasNext, totals.getOrDefault(id, 0L)));
        }
        return pages;
    }

    private static String where(AssetFilter filter, List<Object> args) {
        List<String> clauses = new ArrayList<>();
        if (!filter.kinds().isEmpty()) {
            clauses.add("n.kind = ANY (?)");
            args.add(filter.kinds().stream().map(Enum::name).sorted().toArray(String[]::new));
        }
        if (!filter.statuses().isEmpty()) {
            clauses.add("n.status = ANY (?)");
            args.add(filter.statuses().stream().map(Enum::name).sorted().toArray(String[]::new));
        }
        if (filter.parentId() != null) {
            clauses.add("n.parent_id = ?");
            args.add(filter.parentId().value());
        }
        if (filter.ancestorId() != null) {
            clauses.add("""
                    n.asset_id IN (WITH RECURSIVE sub(asset_id) AS (
                        SELECT asset_id FROM asset_node WHERE parent_id = ?
                        UNION ALL SELECT c.asset_id FROM asset_node c JOIN sub ON c.parent_id = sub.asset_id)
                    SELECT asset_id FROM sub)""");
            args.add(filter.ancestorId().value());
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /** The subtree under {@code rootId} (inclusive), or every node when null. */
    public List<FleetRow> subtree(AssetId rootId) {
        if (rootId == null) {
            return jdbc.query("SELECT " + COLUMNS + FROM, FleetRepository::row);
        }
        return jdbc.query("""
                WITH RECURSIVE sub(asset_id) AS (
                    SELECT asset_id FROM asset_node WHERE asset_id = ?
                    UNION ALL SELECT c.asset_id FROM asset_node c JOIN sub ON c.parent_id = sub.asset_id)
                SELECT""" + " " + COLUMNS + FROM + "WHERE n.asset_id IN (SELECT asset_id FROM sub)", FleetRepository::row,
                rootId.value());
    }

    /** The newest reading's state of each of {@code ids} that has one; of every device when {@code ids} is null. */
    public java.util.Map<AssetId, LastTelemetry> lastStates(java.util.Collection<AssetId> ids) {
        java.util.Map<AssetId, LastTelemetry> states = new java.util.HashMap<>();
        org.springframework.jdbc.core.RowCallbackHandler put = rs -> {
            states.put(AssetId.of(rs.getString("asset_id")), last(rs));
        };
        String select = "SELECT asset_id, at AS last_at, power_mw AS last_power_mw, soc AS last_soc, available AS last_available"
                + " FROM asset_last_state";
        if (ids == null) jdbc.query(select, put);
        else jdbc.query(select + " WHERE asset_id = ANY (?)", put, (Object) ids.stream().map(AssetId::value).toArray(String[]::new));
        return states;
    }

    /**
     * A number that changes whenever a node is added or changed by an event: every event applied raises its node's
     * version. Another node of a scaled-out deployment may have applied it, so this is what tells a cached tree that
     * it must be read again.
     */
    public long treeFingerprint() {
        Long v = jdbc.queryForObject("SELECT count(*) * 1000003 + coalesce(sum(version), 0) FROM asset_node", Long.class);
        return v == null ? 0 : v;
    }

    static AssetView view(ResultSet rs, int i) throws SQLException {
        return new AssetView(AssetId.of(rs.getString("asset_id")), AssetKind.valueOf(rs.getString("kind")),
                rs.getString("name"), assetId(rs, "parent_id"), AssetStatus.valueOf(rs.getString("status")),
                StatusOrigin.valueOf(rs.getString("status_origin")), rs.getString("status_reason"), location(rs),
                limits(rs), instant(rs, "registered_at"), instant(rs, "updated_at"), rs.getLong("version"), last(rs));
    }

    static FleetRow row(ResultSet rs, int i) throws SQLException {
        return new FleetRow(AssetId.of(rs.getString("asset_id")), assetId(rs, "parent_id"), AssetKind.valueOf(rs.getString("kind")),
                rs.getString("name"), AssetStatus.valueOf(rs.getString("status")), limits(rs), last(rs));
    }

    private static AssetId assetId(ResultSet rs, String column) throws SQLException {
        String v = rs.getString(column);
        return v == null ? null : AssetId.of(v);
    }

    private static GeoLocation location(ResultSet rs) throws SQLException {
        Double lat = dbl(rs, "latitude");
        Double lon = dbl(rs, "longitude");
        return lat == null || lon == null ? null : new GeoLocation(lat, lon);
    }

    private static TechnicalLimits limits(ResultSet rs) throws SQLException {
        return new TechnicalLimits(dbl(rs, "min_power_mw"), dbl(rs, "max_power_mw"), dbl(rs, "energy_capacity_mwh"),
                dbl(rs, "charge_efficiency"), dbl(rs, "discharge_efficiency"), dbl(rs, "ramp_rate_mw_per_min"),
                dbl(rs, "min_soc"), dbl(rs, "max_soc"), dbl(rs, "reserve_soc"), dbl(rs, "grid_connection_limit_mw"));
    }

    private static LastTelemetry last(ResultSet rs) throws SQLException {
        Instant at = instant(rs, "last_at");
        return at == null ? null : new LastTelemetry(at, rs.getDouble("last_power_mw"), dbl(rs, "last_soc"), rs.getBoolean("last_available"));
    }

    static Double dbl(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
