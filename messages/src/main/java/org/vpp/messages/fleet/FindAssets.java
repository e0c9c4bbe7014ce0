package org.vpp.messages.fleet;

import org.vpp.messages.asset.AssetId;

/**
 * A page of assets ordered by id, keyset-paginated: {@code after} is the last id of the previous page.
 *
 * @param first at most this many assets (1..MAX_PAGE)
 */
public record FindAssets(AssetFilter filter, int first, AssetId after) {

    public static final int MAX_PAGE = 1000;
}
