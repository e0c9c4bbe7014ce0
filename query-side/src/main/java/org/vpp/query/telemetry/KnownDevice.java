package org.vpp.query.telemetry;

import org.vpp.messages.asset.AssetKind;
import org.vpp.messages.asset.AssetStatus;

/** What validation needs to know of the asset a reading names. */
public record KnownDevice(AssetKind kind, AssetStatus status) {
}
