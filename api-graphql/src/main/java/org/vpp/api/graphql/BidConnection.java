package org.vpp.api.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.BidPage;
import org.vpp.messages.bid.BidView;

/** Relay connection over a keyset page of bids; the cursor is the bid id, encoded so clients treat it as opaque. */
public record BidConnection(List<Edge> edges, AssetConnection.PageInfo pageInfo, long totalCount) {

    public record Edge(String cursor, BidView node) {
    }

    static BidConnection of(BidPage page, boolean hasPrevious) {
        List<Edge> edges = page.items().stream().map(v -> new Edge(encode(v.id()), v)).toList();
        return new BidConnection(edges, new AssetConnection.PageInfo(page.hasNextPage(), hasPrevious,
                edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor()),
                page.totalCount());
    }

    static String encode(BidId id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("bid:" + id.value()).getBytes(StandardCharsets.UTF_8));
    }

    static BidId decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (raw.startsWith("bid:") && BidId.isValid(raw.substring(4))) return BidId.of(raw.substring(4));
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new BadArgumentException("after", "is not a cursor returned by this API");
    }
}
