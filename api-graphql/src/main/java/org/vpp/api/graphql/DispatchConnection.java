package org.vpp.api.graphql;

import java.util.List;

import org.vpp.messages.dispatch.DispatchId;
import org.vpp.messages.dispatch.DispatchPage;
import org.vpp.messages.dispatch.DispatchView;

/** Relay connection over a keyset page of dispatches; the cursor is the dispatch id, encoded so clients treat it as opaque. */
public record DispatchConnection(List<Edge> edges, AssetConnection.PageInfo pageInfo, long totalCount) {

    public record Edge(String cursor, DispatchView node) {
    }

    static DispatchConnection of(DispatchPage page, boolean hasPrevious) {
        List<Edge> edges = page.items().stream().map(v -> new Edge(encode(v.id()), v)).toList();
        return new DispatchConnection(edges, new AssetConnection.PageInfo(page.hasNextPage(), hasPrevious,
                edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor()),
                page.totalCount());
    }

    static String encode(DispatchId id) {
        return Cursors.encode("dispatch", id.value());
    }

    static DispatchId decode(String cursor) {
        return DispatchId.of(Cursors.decode("dispatch", cursor, DispatchId::isValid));
    }
}
