package org.vpp.messages.asset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Re-attach an asset (and its whole subtree) under another group. */
public record MoveAsset(@TargetAggregateIdentifier AssetId assetId, AssetId newParentId) {
}
