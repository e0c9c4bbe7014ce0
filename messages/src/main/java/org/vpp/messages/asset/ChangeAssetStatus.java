package org.vpp.messages.asset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An operator sets ONLINE, OFFLINE, FAULT or MAINTENANCE; DECOMMISSIONED has its own command. */
public record ChangeAssetStatus(@TargetAggregateIdentifier AssetId assetId, AssetStatus status, String reason) {
}
