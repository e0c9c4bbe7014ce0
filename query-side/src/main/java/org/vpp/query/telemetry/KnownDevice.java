package org.vpp.query.telemetry;

import org.vpp.kernel.AssetKind;

/**
 * What validation needs to know of the asset a reading names, as the command side's topology has it: a table that
 * follows the events in their own transaction and that no replay of a read model empties.
 */
public record KnownDevice(AssetKind kind, boolean decommissioned) {
}
