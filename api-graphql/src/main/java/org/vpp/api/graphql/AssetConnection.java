package org.vpp.api.graphql;

import java.util.List;

import org.vpp.messages.asset.AssetId;
import org.vpp.messages.fleet.AssetPage;
import org.vpp.messages.fleet.AssetView;

/** Relay connection over a keyset page; the cursor is the asset id, encoded so clients treat it as opaque. */
public record AssetConnection(List<Edge> edges, PageInfo pageInfo, long totalCount) {

    public record Edge(String cursor, AssetView node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    static AssetConnection of(AssetPage page, boolean hasPrevious) {
        List<Edge> edges = page.items().stream().map(v -> new Edge(encode(v.id()), v)).toList();
        return new AssetConnection(edges, new PageInfo(page.hasNextPage(), hasPrevious,
                edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor()),
                page.totalCount());
    }

    static String encode(AssetId id) {
        return Cursors.encode("asset", id.value());
    }

    static AssetId decode(String cursor) {
        return AssetId.of(Cursors.decode("asset", cursor, AssetId::isValid));
    }
}
