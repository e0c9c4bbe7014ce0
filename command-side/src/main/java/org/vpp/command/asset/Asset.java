package org.vpp.command.asset;

import static org.vpp.command.common.Recorder.record;

import java.util.Optional;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.vpp.messages.asset.AssetEvent;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetRegistered;
import org.vpp.messages.asset.ChangeAssetStatus;
import org.vpp.messages.asset.DecommissionAsset;
import org.vpp.messages.asset.MoveAsset;
import org.vpp.messages.asset.RegisterAsset;
import org.vpp.messages.asset.RenameAsset;
import org.vpp.messages.asset.ReportTelemetryLost;
import org.vpp.messages.asset.ReportTelemetryRestored;
import org.vpp.messages.asset.UpdateAssetLimits;

/**
 * A node of the fleet tree. It only glues: gathers the facts a decision needs, asks {@link AssetDecisions}, and
 * records the events; event-sourcing handlers only assign. Command handlers return the aggregate version after
 * the command, so callers can wait for read models to reach it.
 */
@Aggregate(snapshotTriggerDefinition = "assetSnapshots")
public class Asset {

    @AggregateIdentifier
    private AssetId assetId;
    private AssetState state;

    protected Asset() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Asset(RegisterAsset cmd, AssetTopology topology) {
        topology.lockForRegistration(cmd.parentId());
        boolean idTaken = cmd.assetId() != null && topology.find(cmd.assetId()).isPresent();
        Optional<TopologyNode> parent = cmd.parentId() == null ? Optional.empty() : topology.find(cmd.parentId());
        record(AssetDecisions.register(cmd, idTaken, parent));
    }

    @CommandHandler
    public long handle(UpdateAssetLimits cmd) {
        return record(AssetDecisions.updateLimits(state, cmd));
    }

    @CommandHandler
    public long handle(RenameAsset cmd) {
        return record(AssetDecisions.rename(state, cmd));
    }

    @CommandHandler
    public long handle(MoveAsset cmd, AssetTopology topology) {
        topology.lockForMove();
        Optional<TopologyNode> newParent = cmd.newParentId() == null ? Optional.empty() : topology.find(cmd.newParentId());
        boolean inOwnSubtree = cmd.newParentId() != null && topology.isSelfOrAncestor(assetId, cmd.newParentId());
        return record(AssetDecisions.move(state, cmd, newParent, inOwnSubtree));
    }

    @CommandHandler
    public long handle(ChangeAssetStatus cmd) {
        return record(AssetDecisions.changeStatus(state, cmd));
    }

    @CommandHandler
    public long handle(DecommissionAsset cmd, AssetTopology topology) {
        topology.lockForDecommission(assetId);
        return record(AssetDecisions.decommission(state, cmd, topology.activeChildCount(assetId)));
    }

    @CommandHandler
    public long handle(ReportTelemetryLost cmd) {
        return record(AssetDecisions.telemetryLost(state, cmd));
    }

    @CommandHandler
    public long handle(ReportTelemetryRestored cmd) {
        return record(AssetDecisions.telemetryRestored(state, cmd));
    }

    @EventSourcingHandler
    void on(AssetRegistered event) {
        assetId = event.assetId();
        state = AssetState.registered(event);
    }

    @EventSourcingHandler
    void on(AssetEvent event) {
        if (!(event instanceof AssetRegistered)) {
            state = state.evolve(event);
        }
    }
}
