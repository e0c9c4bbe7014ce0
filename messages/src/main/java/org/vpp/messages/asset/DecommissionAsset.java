package org.vpp.messages.asset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retire an asset for good; a decommissioned asset accepts no further commands. */
public record DecommissionAsset(@TargetAggregateIdentifier AssetId assetId, String reason) {
}
