package org.vpp.query.fleet;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.asset.AssetDecommissioned;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetLimitsUpdated;
import org.vpp.messages.asset.AssetMoved;
import org.vpp.messages.asset.AssetRegistered;
import org.vpp.messages.asset.AssetRenamed;
import org.vpp.messages.asset.AssetStatus;
import org.vpp.messages.asset.AssetStatusChanged;
import org.vpp.messages.asset.StatusOrigin;
import org.vpp.messages.fleet.AssetPage;
import org.vpp.messages.fleet.AssetView;
import org.vpp.messages.fleet.FindAsset;
import org.vpp.messages.fleet.FindAssets;
import org.vpp.messages.fleet.FindChildren;
import org.vpp.messages.fleet.FindFleet;
import org.vpp.messages.fleet.FleetView;

/**
 * The fleet read model: one row per asset in {@code asset_node}. Each update is guarded by the event's sequence
 * number ({@code version < ?}), so replaying or redelivering events is harmless. Every change is also emitted to
 * subscription queries on {@link FindAsset}, which is how callers wait for their own writes.
 */
@ProcessingGroup(FleetProjection.PROCESSING_GROUP)
public class FleetProjection {

    public static final String PROCESSING_GROUP = "fleet";
    /** The read model's tables, parents before the tables that refer to them (a rebuild copies them in this order). */
    public static final List<String> TABLES = List.of("asset_node");

    private final JdbcTemplate jdbc;
    private final FleetRepository repository;
    private final QueryUpdateEmitter emitter;
    private final FleetRollups rollups;

    public FleetProjection(JdbcTemplate jdbc, FleetRepository repository, QueryUpdateEmitter emitter, FleetRollups rollups) {
        this.rollups = rollups;
        this.jdbc = jdbc;
        this.repository = repository;
        this.emitter = emitter;
    }

    @EventHandler
    void on(AssetRegistered e, @SequenceNumber long version, @Timestamp Instant at) {
        TechnicalLimits l = e.limits() == null ? TechnicalLimits.NONE : e.limits();
        jdbc.update("""
                INSERT INTO asset_node (asset_id, kind, name, parent_id, status, status_origin, latitude, longitude,
                    min_power_mw, max_power_mw, energy_capacity_mwh, charge_efficiency, discharge_efficiency,
                    ramp_rate_mw_per_min, min_soc, max_soc, reserve_soc, grid_connection_limit_mw,
                    registered_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (asset_id) DO NOTHING""",
                e.assetId().value(), e.kind().name(), e.name(), e.parentId() == null ? null : e.parentId().value(),
                e.status().name(), StatusOrigin.OPERATOR.name(),
                e.location() == null ? null : e.location().latitude(), e.location() == null ? null : e.location().longitude(),
                l.minPowerMw(), l.maxPowerMw(), l.energyCapacityMwh(), l.chargeEfficiency(), l.dischargeEfficiency(),
                l.rampRateMwPerMin(), l.minSoc(), l.maxSoc(), l.reserveSoc(), l.gridConnectionLimitMw(),
                ts(at), ts(at), version);
        publish(e.assetId());
    }

    @EventHandler
    void on(AssetLimitsUpdated e, @SequenceNumber long version, @Timestamp Instant at) {
        TechnicalLimits l = e.limits();
        update(e.assetId(), version, at, """
                min_power_mw = ?, max_power_mw = ?, energy_capacity_mwh = ?, charge_efficiency = ?,
                discharge_efficiency = ?, ramp_rate_mw_per_min = ?, min_soc = ?, max_soc = ?, reserve_soc = ?,
                grid_connection_limit_mw = ?""",
                l.minPowerMw(), l.maxPowerMw(), l.energyCapacityMwh(), l.chargeEfficiency(), l.dischargeEfficiency(),
                l.rampRateMwPerMin(), l.minSoc(), l.maxSoc(), l.reserveSoc(), l.gridConnectionLimitMw());
    }

    @EventHandler
    void on(AssetRenamed e, @SequenceNumber long version, @Timestamp Instant at) {
        update(e.assetId(), version, at, "name = ?", e.to());
    }

    @EventHandler
    void on(AssetMoved e, @SequenceNumber long version, @Timestamp Instant at) {
        update(e.assetId(), version, at, "parent_id = ?", e.toParentId().value());
    }

    @EventHandler
    void on(AssetStatusChanged e, @SequenceNumber long version, @Timestamp Instant at) {
        update(e.assetId(), version, at, "status = ?, status_origin = ?, status_reason = ?",
                e.to().name(), e.origin().name(), e.reason());
    }

    @EventHandler
    void on(AssetDecommissioned e, @SequenceNumber long version, @Timestamp Instant at) {
        update(e.assetId(), version, at, "status = ?, status_origin = ?, status_reason = ?",
                AssetStatus.DECOMMISSIONED.name(), StatusOrigin.OPERATOR.name(), e.reason());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE " + String.join(", ", TABLES));
        rollups.changed();
    }

    // Query handlers answer the value or null, never Optional: an Optional does not survive serialisation across
    // Axon Server (it comes back as a map); the gateway turns null into "no result".
    @QueryHandler
    AssetView handle(FindAsset query) {
        return repository.find(query.assetId()).orElse(null);
    }

    @QueryHandler
    AssetPage handle(FindAssets query) {
        return repository.page(query.filter(), query.first(), query.after());
    }

    @QueryHandler
    FindChildren.ChildrenPages handle(FindChildren query) {
        return new FindChildren.ChildrenPages(repository.children(query.parents(), query.first(), query.after()).entrySet().stream()
                .map(e -> new FindChildren.ParentPage(e.getKey(), e.getValue())).toList());
    }

    @QueryHandler
    FleetView handle(FindFleet query) {
        if (query.rootId() != null && repository.find(query.rootId()).isEmpty()) return null;
        return rollups.rollup(query.rootId());
    }

    private void update(AssetId id, long version, Instant at, String assignments, Object... values) {
        Object[] args = new Object[values.length + 4];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = version;
        args[values.length + 1] = ts(at);
        args[values.length + 2] = id.value();
        args[values.length + 3] = version;
        int changed = jdbc.update("UPDATE asset_node SET " + assignments + ", version = ?, updated_at = ? "
                + "WHERE asset_id = ? AND version < ?", args);
        if (changed > 0) publish(id);
    }

    private void publish(AssetId id) {
        // The asset's view is read only for someone following it (a mutation waiting for its write, a subscription):
        // a replay or a storm of status changes would otherwise read back every row it writes.
        boolean followed = emitter.activeSubscriptions().stream()
                .anyMatch(q -> q.getPayload() instanceof FindAsset f && f.assetId().equals(id));
        if (followed) repository.find(id).ifPresent(view -> emitter.emit(FindAsset.class, q -> q.assetId().equals(id), view));
        // The fleet's capacity under some node changed: cached roll-ups are recomputed once this commits, and the
        // subscribers re-read theirs (at their own pace).
        org.axonframework.messaging.unitofwork.CurrentUnitOfWork.ifStarted(u -> u.afterCommit(x -> rollups.changed()));
        if (!org.axonframework.messaging.unitofwork.CurrentUnitOfWork.isStarted()) rollups.changed();
        emitter.emit(FindFleet.class, q -> true, id);
    }

    private static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }
}
