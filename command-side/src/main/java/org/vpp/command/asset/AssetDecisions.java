package org.vpp.command.asset;

import static org.vpp.command.common.Checks.firstOf;
import static org.vpp.messages.common.RejectionCode.CYCLE;
import static org.vpp.messages.common.RejectionCode.DECOMMISSIONED;
import static org.vpp.messages.common.RejectionCode.DUPLICATE;
import static org.vpp.messages.common.RejectionCode.INVALID_VALUE;
import static org.vpp.messages.common.RejectionCode.NOT_ALLOWED;

import java.util.Objects;
import java.util.Optional;


import org.vpp.command.common.Checks;
import org.vpp.command.common.Decision;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.GeoLocation;
import org.vpp.messages.asset.AssetDecommissioned;
import org.vpp.messages.asset.AssetEvent;
import org.vpp.messages.asset.AssetLimitsUpdated;
import org.vpp.messages.asset.AssetMoved;
import org.vpp.messages.asset.AssetRegistered;
import org.vpp.messages.asset.AssetRenamed;
import org.vpp.messages.asset.AssetStatus;
import org.vpp.messages.asset.AssetStatusChanged;
import org.vpp.messages.asset.ChangeAssetStatus;
import org.vpp.messages.asset.DecommissionAsset;
import org.vpp.messages.asset.MoveAsset;
import org.vpp.messages.asset.RegisterAsset;
import org.vpp.messages.asset.RenameAsset;
import org.vpp.messages.asset.ReportTelemetryLost;
import org.vpp.messages.asset.ReportTelemetryRestored;
import org.vpp.messages.asset.StatusOrigin;
import org.vpp.messages.asset.UpdateAssetLimits;
import org.vpp.messages.common.CommandRejection;
import org.vpp.messages.common.RejectionCode;

/**
 * The Asset aggregate's decisions as pure functions: current state and the facts gathered about other assets in,
 * events or a rejection out. Nothing here touches Axon, a clock or a database.
 */
public final class AssetDecisions {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_REASON_LENGTH = 500;

    private AssetDecisions() {
    }

    public static Decision<AssetEvent> register(RegisterAsset cmd, boolean idTaken, Optional<TopologyNode> parent) {
        if (cmd.assetId() == null) return reject("assetId", INVALID_VALUE, "is required");
        if (idTaken) return reject("assetId", DUPLICATE, "an asset with id " + cmd.assetId() + " already exists");
        if (cmd.kind() == null) return reject("kind", INVALID_VALUE, "is required");
        AssetStatus status = cmd.initialStatus() == null ? AssetStatus.ONLINE : cmd.initialStatus();
        if (status == AssetStatus.DECOMMISSIONED) {
            return reject("initialStatus", NOT_ALLOWED, "an asset cannot be registered as DECOMMISSIONED");
        }
        Optional<CommandRejection> refusal = firstOf(
                nameProblem(cmd.name()),
                locationProblem(cmd.kind(), cmd.location()),
                LimitsRules.check(cmd.kind(), cmd.limits()),
                TreeRules.checkParent(cmd.kind(), cmd.parentId(), parent, "parentId"));
        if (refusal.isPresent()) return Decision.reject(refusal.get());
        return Decision.accept(new AssetRegistered(cmd.assetId(), cmd.kind(), cmd.name().strip(), cmd.parentId(),
                cmd.location(), cmd.limits(), status));
    }

    public static Decision<AssetEvent> updateLimits(AssetState state, UpdateAssetLimits cmd) {
        Optional<CommandRejection> refusal = firstOf(decommissioned(state), LimitsRules.check(state.kind(), cmd.limits()));
        if (refusal.isPresent()) return Decision.reject(refusal.get());
        if (Objects.equals(state.limits(), cmd.limits())) return Decision.nothingToDo();
        return Decision.accept(new AssetLimitsUpdated(state.id(), cmd.limits()));
    }

    public static Decision<AssetEvent> rename(AssetState state, RenameAsset cmd) {
        Optional<CommandRejection> refusal = firstOf(decommissioned(state), nameProblem(cmd.name()));
        if (refusal.isPresent()) return Decision.reject(refusal.get());
        String name = cmd.name().strip();
        if (name.equals(state.name())) return Decision.nothingToDo();
        return Decision.accept(new AssetRenamed(state.id(), state.name(), name));
    }

    /**
     * @param newParent        the topology's view of the new parent
     * @param newParentInOwnSubtree true when the new parent is the asset itself or one of its descendants
     */
    public static Decision<AssetEvent> move(AssetState state, MoveAsset cmd, Optional<TopologyNode> newParent,
                                            boolean newParentInOwnSubtree) {
        Optional<CommandRejection> refusal = decommissioned(state);
        if (refusal.isPresent()) return Decision.reject(refusal.get());
        if (Objects.equals(state.parentId(), cmd.newParentId())) return Decision.nothingToDo();
        if (cmd.newParentId() != null && newParent.isPresent() && newParentInOwnSubtree) {
            return reject("newParentId", CYCLE, cmd.newParentId().equals(state.id())
                    ? "an asset cannot be its own parent"
                    : cmd.newParentId() + " is below " + state.id() + " in the tree; moving there would make a cycle");
        }
        refusal = TreeRules.checkParent(state.kind(), cmd.newParentId(), newParent, "newParentId");
        if (refusal.isPresent()) return Decision.reject(refusal.get());
        return Decision.accept(new AssetMoved(state.id(), state.parentId(), cmd.newParentId()));
    }

    public static Decision<AssetEvent> changeStatus(AssetState state, ChangeAssetStatus cmd) {
        Optional<CommandRejection> refusal = firstOf(decommissioned(state), reasonProblem(cmd.reason()));
        if (refusal.isPresent()) return Decision.reject(refusal.get());
        if (cmd.status() == null) return reject("status", INVALID_VALUE, "is required");
        if (cmd.status() == AssetStatus.DECOMMISSIONED) {
            return reject("status", NOT_ALLOWED, "use decommissionAsset to retire an asset");
        }
        // Same status set by an operator again changes nothing; over a telemetry-set status it takes ownership,
        // so that returning readings no longer flip it back.
        if (cmd.status() == state.status() && state.statusOrigin() == StatusOrigin.OPERATOR) return Decision.nothingToDo();
        return Decision.accept(new AssetStatusChanged(state.id(), state.status(), cmd.status(), StatusOrigin.OPERATOR,
                cmd.reason()));
    }

    public static Decision<AssetEvent> decommission(AssetState state, DecommissionAsset cmd, int activeChildren) {
        Optional<CommandRejection> refusal = firstOf(decommissioned(state), reasonProblem(cmd.reason()));
        if (refusal.isPresent()) return Decision.reject(refusal.get());
        if (activeChildren > 0) {
            return reject("assetId", NOT_ALLOWED, state.id() + " still has " + activeChildren
                    + " active children; move or decommission them first");
        }
        return Decision.accept(new AssetDecommissioned(state.id(), state.status(), cmd.reason()));
    }

    /** Only a device that is ONLINE goes OFFLINE for lack of telemetry; any other status already says more. */
    public static Decision<AssetEvent> telemetryLost(AssetState state, ReportTelemetryLost cmd) {
        Optional<CommandRejection> refusal = firstOf(decommissioned(state), deviceOnly(state));
        if (refusal.isPresent()) return Decision.reject(refusal.get());
        if (state.status() != AssetStatus.ONLINE) return Decision.nothingToDo();
        String reason = switch (cmd.cause()) {
            case SILENT -> cmd.lastSeen() == null ? "no telemetry received since registration"
                    : "no telemetry since " + cmd.lastSeen();
            case DEVICE_UNAVAILABLE -> "device reported itself unavailable at " + cmd.lastSeen();
        };
        return Decision.accept(new AssetStatusChanged(state.id(), AssetStatus.ONLINE, AssetStatus.OFFLINE,
                StatusOrigin.TELEMETRY, reason));
    }

    /** Telemetry undoes only what telemetry did. */
    public static Decision<AssetEvent> telemetryRestored(AssetState state, ReportTelemetryRestored cmd) {
        Optional<CommandRejection> refusal = firstOf(decommissioned(state), deviceOnly(state));
        if (refusal.isPresent()) return Decision.reject(refusal.get());
        if (state.status() != AssetStatus.OFFLINE || state.statusOrigin() != StatusOrigin.TELEMETRY) {
            return Decision.nothingToDo();
        }
        return Decision.accept(new AssetStatusChanged(state.id(), AssetStatus.OFFLINE, AssetStatus.ONLINE,
                StatusOrigin.TELEMETRY, "telemetry available again at " + cmd.readingAt()));
    }

    static Optional<CommandRejection> nameProblem(String name) {
        if (name == null || name.isBlank()) return Optional.of(CommandRejection.of("name", INVALID_VALUE, "must not be blank"));
        if (name.strip().length() > MAX_NAME_LENGTH) {
            return Optional.of(CommandRejection.of("name", INVALID_VALUE, "must be at most " + MAX_NAME_LENGTH + " characters"));
        }
        return Checks.plainText("name", name);
    }

    static Optional<CommandRejection> reasonProblem(String reason) {
        return reason != null && reason.length() > MAX_REASON_LENGTH
                ? Optional.of(CommandRejection.of("reason", INVALID_VALUE, "must be at most " + MAX_REASON_LENGTH + " characters"))
                : Checks.plainText("reason", reason);
    }

    /**
     * Weather-driven devices need a position; for the rest it is optional. The range of a position is the kernel's
     * {@link GeoLocation} to keep: none off the globe can be built.
     */
    static Optional<CommandRejection> locationProblem(AssetKind kind, GeoLocation location) {
        if (location == null) {
            return kind == AssetKind.PV || kind == AssetKind.WIND
                    ? Optional.of(CommandRejection.of("location", INVALID_VALUE, "is required for a " + kind + " (weather depends on it)"))
                    : Optional.empty();
        }
        return Optional.empty();
    }

    static Optional<CommandRejection> decommissioned(AssetState state) {
        return state.isDecommissioned()
                ? Optional.of(CommandRejection.of("assetId", DECOMMISSIONED, state.id() + " is decommissioned and accepts no commands"))
                : Optional.empty();
    }

    static Optional<CommandRejection> deviceOnly(AssetState state) {
        return state.kind().isGroup()
                ? Optional.of(CommandRejection.of("assetId", NOT_ALLOWED, "telemetry applies to devices, " + state.id() + " is a " + state.kind()))
                : Optional.empty();
    }


    private static Decision<AssetEvent> reject(String field, RejectionCode code, String message) {
        return Decision.reject(CommandRejection.of(field, code, message));
    }
}
