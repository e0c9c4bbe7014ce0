package org.vpp.api.graphql;

import java.time.Duration;
import java.util.Optional;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;
import org.vpp.api.config.VppProperties;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.fleet.AssetView;
import org.vpp.messages.fleet.FindAsset;
import reactor.core.publisher.Flux;

/**
 * Lets a mutation answer with what the read model shows after its own write. The fleet projection emits every
 * change of an asset to subscription queries on {@link FindAsset}; this waits (bounded) for the view to reach the
 * version the command handler returned. Subscribing after the command is safe: updates are emitted after their
 * transaction commits, so the initial result already shows any update emitted before the subscription.
 */
@Component
public class ReadYourWrites {

    private final QueryGateway queries;
    private final Duration timeout;

    public ReadYourWrites(QueryGateway queries, VppProperties properties) {
        this.queries = queries;
        this.timeout = properties.api().readYourWritesTimeout();
    }

    /**
     * What a mutation may honestly show after writing {@code version}: the view at that version or later, or, when
     * the projection has not caught up within the timeout, the latest view with {@code caughtUp} false.
     */
    public record Seen(AssetView asset, long version, boolean caughtUp) {
    }

    public Seen await(AssetId id, long version) {
        try (SubscriptionQueryResult<AssetView, AssetView> result = queries.subscriptionQuery(new FindAsset(id),
                ResponseTypes.instanceOf(AssetView.class), ResponseTypes.instanceOf(AssetView.class))) {
            // An unknown asset answers null, which the gateway turns into an empty initial result.
            Flux<AssetView> views = result.initialResult().concatWith(result.updates());
            AssetView reached = views.filter(v -> v.version() >= version).blockFirst(timeout);
            if (reached != null) return new Seen(reached, version, true);
        } catch (IllegalStateException timedOut) {
            // fall through: answer with what the read model shows now, and say whether that includes the write
        }
        AssetView now = current(id).orElse(null);
        return new Seen(now, version, now != null && now.version() >= version);
    }

    public Optional<AssetView> current(AssetId id) {
        return Optional.ofNullable(queries.query(new FindAsset(id), ResponseTypes.instanceOf(AssetView.class)).join());
    }
}
