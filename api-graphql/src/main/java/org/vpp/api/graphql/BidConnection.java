package org.vpp.api.graphql;

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
        return Cursors.encode("bid", id.value());
    }

    static BidId decode(String cursor) {
        return BidId.of(Cursors.decode("bid", cursor, BidId::isValid));
    }
}
