package org.vpp.messages.asset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.GeoLocation;
import org.vpp.kernel.TechnicalLimits;

/** Add a node to the fleet tree. A PORTFOLIO has no parent; every other kind names a group as parent. */
public record RegisterAsset(
        @TargetAggregateIdentifier AssetId assetId,
        AssetKind kind,
        String name,
        AssetId parentId,
        GeoLocation location,
        TechnicalLimits limits,
        AssetStatus initialStatus) {
}
