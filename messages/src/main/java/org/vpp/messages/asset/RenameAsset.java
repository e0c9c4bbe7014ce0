package org.vpp.messages.asset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RenameAsset(@TargetAggregateIdentifier AssetId assetId, String name) {
}
