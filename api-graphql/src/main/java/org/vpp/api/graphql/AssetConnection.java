package org.vpp.api.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("asset:" + id.value()).getBytes(StandardCharsets.UTF_8));
    }

    static AssetId decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (raw.startsWith("asset:") && AssetId.isValid(raw.substring(6))) return AssetId.of(raw.substring(6));
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new BadArgumentException("after", "is not a cursor returned by this API");
    }
}
