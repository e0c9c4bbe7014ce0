package org.vpp.messages.fleet;

import java.util.Set;
import org.vpp.kernel.AssetKind;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetStatus;

/**
 * Which assets to list; empty sets and nulls mean "any".
 *
 * @param ancestorId only strict descendants of this node
 * @param parentId   only direct children of this node
 */
public record AssetFilter(Set<AssetKind> kinds, Set<AssetStatus> statuses, AssetId ancestorId, AssetId parentId) {

    public static final AssetFilter ANY = new AssetFilter(Set.of(), Set.of(), null, null);

    public AssetFilter {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }
}
