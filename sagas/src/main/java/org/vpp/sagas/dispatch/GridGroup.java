package org.vpp.sagas.dispatch;

import org.vpp.kernel.AssetKind;

/** A group of the dispatch's tree and its grid-connection limit (MW, either direction; null = none). */
public record GridGroup(String id, AssetKind kind, String parentId, Double gridLimitMw) {
}
