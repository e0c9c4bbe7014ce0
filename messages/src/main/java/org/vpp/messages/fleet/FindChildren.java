package org.vpp.messages.fleet;

import java.util.List;

import org.vpp.messages.asset.AssetId;

/**
 * One page of direct children, ordered by id, for each of several parents at once (the GraphQL layer batches the
 * {@code children} of every asset in an answer into one query); answered with {@link ChildrenPages}.
 *
 * @param first at most this many children per parent (1..{@link FindAssets#MAX_PAGE})
 * @param after children after this id (the same for every parent: it comes from one field's argument)
 */
public record FindChildren(List<AssetId> parents, int first, AssetId after) {

    public FindChildren {
        parents = List.copyOf(parents);
        if (first < 1 || first > FindAssets.MAX_PAGE) throw new IllegalArgumentException("first must be in 1.." + FindAssets.MAX_PAGE);
    }

    /** Each parent's page. */
    public record ChildrenPages(List<ParentPage> pages) {
        public ChildrenPages {
            pages = List.copyOf(pages);
        }
    }

    public record ParentPage(AssetId parentId, AssetPage page) {
    }
}
