package org.vpp.messages.asset;

/** Everything that can happen to an asset; the aggregate's history is a sequence of these. */
public sealed interface AssetEvent
        permits AssetRegistered, AssetLimitsUpdated, AssetRenamed, AssetMoved, AssetStatusChanged, AssetDecommissioned {

    AssetId assetId();
}
