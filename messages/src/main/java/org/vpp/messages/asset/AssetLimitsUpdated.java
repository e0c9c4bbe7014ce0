package org.vpp.messages.asset;

import org.vpp.kernel.TechnicalLimits;

public record AssetLimitsUpdated(AssetId assetId, TechnicalLimits limits) implements AssetEvent {
}
