package org.vpp.messages.fleet;

import org.vpp.messages.asset.AssetId;

/** One asset as the fleet read model sees it; answers {@code Optional<AssetView>}-like null when unknown. */
public record FindAsset(AssetId assetId) {
}
