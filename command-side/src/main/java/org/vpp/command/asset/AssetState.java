package org.vpp.command.asset;

import org.vpp.kernel.AssetKind;
import org.vpp.kernel.GeoLocation;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.asset.AssetDecommissioned;
import org.vpp.messages.asset.AssetEvent;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetLimitsUpdated;
import org.vpp.messages.asset.AssetMoved;
import org.vpp.messages.asset.AssetRegistered;
import org.vpp.messages.asset.AssetRenamed;
import org.vpp.messages.asset.AssetStatus;
import org.vpp.messages.asset.AssetStatusChanged;
import org.vpp.messages.asset.StatusOrigin;

/** What the Asset aggregate remembers, as an immutable value; {@link #evolve} only assigns. */
public record AssetState(AssetId id, AssetKind kind, String name, AssetId parentId, GeoLocation location,
                         TechnicalLimits limits, AssetStatus status, StatusOrigin statusOrigin) {

    public static AssetState registered(AssetRegistered e) {
        return new AssetState(e.assetId(), e.kind(), e.name(), e.parentId(), e.location(), e.limits(), e.status(),
                StatusOrigin.OPERATOR);
    }

    public boolean isDecommissioned() {
        return status == AssetStatus.DECOMMISSIONED;
    }

    public AssetState evolve(AssetEvent event) {
        return switch (event) {
            case AssetRegistered e -> registered(e);
            case AssetLimitsUpdated e -> new AssetState(id, kind, name, parentId, location, e.limits(), status, statusOrigin);
            case AssetRenamed e -> new AssetState(id, kind, e.to(), parentId, location, limits, status, statusOrigin);
            case AssetMoved e -> new AssetState(id, kind, name, e.toParentId(), location, limits, status, statusOrigin);
            case AssetStatusChanged e -> new AssetState(id, kind, name, parentId, location, limits, e.to(), e.origin());
            case AssetDecommissioned e -> new AssetState(id, kind, name, parentId, location, limits,
                    AssetStatus.DECOMMISSIONED, StatusOrigin.OPERATOR);
        };
    }
}
