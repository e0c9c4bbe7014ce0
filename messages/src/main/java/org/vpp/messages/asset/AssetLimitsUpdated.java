package org.vpp.messages.asset;

public record AssetLimitsUpdated(AssetId assetId, TechnicalLimits limits) implements AssetEvent {
}
