package org.vpp.messages.asset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.vpp.kernel.TechnicalLimits;

/** Replace an asset's technical limits as a whole (partial updates would hide incoherent combinations). */
public record UpdateAssetLimits(@TargetAggregateIdentifier AssetId assetId, TechnicalLimits limits) {
}
