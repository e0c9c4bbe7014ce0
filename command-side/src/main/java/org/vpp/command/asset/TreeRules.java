package org.vpp.command.asset;

import static org.vpp.messages.common.RejectionCode.DECOMMISSIONED;
import static org.vpp.messages.common.RejectionCode.INVALID_PARENT;
import static org.vpp.messages.common.RejectionCode.INVALID_VALUE;
import static org.vpp.messages.common.RejectionCode.NOT_FOUND;

import java.util.Optional;
import org.vpp.kernel.AssetKind;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.common.CommandRejection;
import org.vpp.messages.common.RejectionCode;

/**
 * Where a node may hang in the tree: portfolio &gt; region &gt; site &gt; device. A portfolio is a root; a
 * region sits in a portfolio or a region; a site in a portfolio or a region; a device in any group.
 */
public final class TreeRules {

    private TreeRules() {
    }

    /** Rank in the tree; a child's parent must rank strictly higher (lower number), regions may nest. */
    static int rank(AssetKind kind) {
        return switch (kind) {
            case PORTFOLIO -> 0;
            case REGION -> 1;
            case SITE -> 2;
            default -> 3;
        };
    }

    public static Optional<CommandRejection> checkParent(AssetKind child, AssetId parentId,
                                                         Optional<TopologyNode> parent, String field) {
        if (child == AssetKind.PORTFOLIO) {
            return parentId == null ? Optional.empty()
                    : reject(field, INVALID_PARENT, "a PORTFOLIO is a root of the fleet and has no parent");
        }
        if (parentId == null) {
            return reject(field, INVALID_VALUE, "is required for a " + child + " (only a PORTFOLIO is a root)");
        }
        if (parent.isEmpty()) {
            return reject(field, NOT_FOUND, "no asset with id " + parentId);
        }
        TopologyNode p = parent.get();
        if (p.decommissioned()) {
            return reject(field, DECOMMISSIONED, "parent " + parentId + " is decommissioned");
        }
        if (p.kind().isDevice()) {
            return reject(field, INVALID_PARENT, "parent " + parentId + " is a " + p.kind() + "; only groups (PORTFOLIO, REGION, SITE) have children");
        }
        boolean nestedRegion = child == AssetKind.REGION && p.kind() == AssetKind.REGION;
        if (!nestedRegion && rank(p.kind()) >= rank(child)) {
            return reject(field, INVALID_PARENT, "a " + child + " cannot be placed in a " + p.kind());
        }
        return Optional.empty();
    }

    private static Optional<CommandRejection> reject(String field, RejectionCode code, String message) {
        return Optional.of(CommandRejection.of(field, code, message));
    }
}
