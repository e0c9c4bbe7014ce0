package org.vpp.messages.asset;

public record AssetRenamed(AssetId assetId, String name) implements AssetEvent {
}
