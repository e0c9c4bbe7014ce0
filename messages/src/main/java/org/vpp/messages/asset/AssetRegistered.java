package org.vpp.messages.asset;

import org.vpp.kernel.AssetKind;
import org.vpp.kernel.GeoLocation;
import org.vpp.kernel.TechnicalLimits;

public record AssetRegistered(AssetId assetId, AssetKind kind, String name, AssetId parentId,
                              GeoLocation location, TechnicalLimits limits, AssetStatus status) implements AssetEvent {
}
