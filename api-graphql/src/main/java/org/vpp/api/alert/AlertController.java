package org.vpp.api.alert;

import java.util.List;

import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.vpp.api.graphql.AssetConnection;
import org.vpp.api.graphql.BadArgumentException;
import org.vpp.api.graphql.Cursors;
import org.vpp.messages.alert.AlertId;
import org.vpp.messages.alert.AlertKind;
import org.vpp.messages.alert.AlertPage;
import org.vpp.messages.alert.AlertView;
import org.vpp.messages.alert.FindAlerts;

/** The alerts read model over GraphQL, a Relay connection (each change live: {@code SubscriptionController.alerts}). */
@Controller
public class AlertController {

    private final QueryGateway queries;

    public AlertController(QueryGateway queries) {
        this.queries = queries;
    }

    public record AlertConnection(List<Edge> edges, AssetConnection.PageInfo pageInfo, long totalCount) {
        public record Edge(String cursor, AlertView node) {
        }
    }

    @QueryMapping
    public AlertConnection alerts(@Argument Boolean active, @Argument AlertKind kind, @Argument Integer first, @Argument String after) {
        int size = first == null ? 50 : first;
        if (size < 1 || size > FindAlerts.MAX_PAGE) {
            throw new BadArgumentException("first", "must be between 1 and " + FindAlerts.MAX_PAGE + ", got " + size);
        }
        AlertId afterId = after == null ? null : new AlertId(Cursors.decode("alert", after, AlertId::isValid));
        AlertPage page = queries.query(new FindAlerts(active, kind, size, afterId), AlertPage.class).join();
        List<AlertConnection.Edge> edges = page.items().stream()
                .map(v -> new AlertConnection.Edge(Cursors.encode("alert", v.id().value()), v)).toList();
        return new AlertConnection(edges, new AssetConnection.PageInfo(page.hasNextPage(), afterId != null,
                edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor()),
                page.totalCount());
    }

    @SchemaMapping(typeName = "Alert", field = "id")
    public String id(AlertView alert) {
        return alert.id().value();
    }
}
