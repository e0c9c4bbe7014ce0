package org.vpp.messages.asset;

public record AssetMoved(AssetId assetId, AssetId fromParentId, AssetId toParentId) implements AssetEvent {
}
