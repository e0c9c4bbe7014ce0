package org.vpp.messages.asset;

public record AssetRegistered(AssetId assetId, AssetKind kind, String name, AssetId parentId,
                              GeoLocation location, TechnicalLimits limits, AssetStatus status) implements AssetEvent {
}
