package org.vpp.messages.asset;

public record AssetDecommissioned(AssetId assetId, AssetStatus previousStatus, String reason) implements AssetEvent {
}
