package org.vpp.api.graphql;

import java.time.Duration;
import java.util.Optional;
import java.util.function.ToLongFunction;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;
import org.vpp.api.config.VppProperties;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.BidView;
import org.vpp.messages.bid.FindBid;
import org.vpp.messages.dispatch.DispatchId;
import org.vpp.messages.dispatch.DispatchView;
import org.vpp.messages.dispatch.FindDispatch;
import org.vpp.messages.fleet.AssetView;
import org.vpp.messages.fleet.FindAsset;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lets a mutation answer with what the read model shows after its own write. The projections emit every change of
 * an asset (a bid) to subscription queries on {@link FindAsset} ({@link FindBid}); this waits (bounded) for the
 * view to reach the version the command handler returned. Subscribing after the command is safe: updates are
 * emitted after their transaction commits, so the initial result already shows any update emitted before the
 * subscription.
 */
@Component
public class ReadYourWrites {

    /** How often the read model is read again while waiting, for writes another instance's projection handles. */
    static final Duration POLL = Duration.ofMillis(200);

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
    public record Seen<V>(V view, long version, boolean caughtUp) {
    }

    public Seen<AssetView> await(AssetId id, long version) {
        return await(new FindAsset(id), AssetView.class, AssetView::version, version);
    }

    public Seen<BidView> await(BidId id, long version) {
        return await(new FindBid(id), BidView.class, BidView::version, version);
    }

    public Seen<DispatchView> await(DispatchId id, long version) {
        return await(new FindDispatch(id), DispatchView.class, DispatchView::version, version);
    }

    public Optional<DispatchView> current(DispatchId id) {
        return current(new FindDispatch(id), DispatchView.class);
    }

    public Optional<AssetView> current(AssetId id) {
        return current(new FindAsset(id), AssetView.class);
    }

    public Optional<BidView> current(BidId id) {
        return current(new FindBid(id), BidView.class);
    }

    private <V> Seen<V> await(Object query, Class<V> type, ToLongFunction<V> versionOf, long version) {
        try (SubscriptionQueryResult<V, V> result = queries.subscriptionQuery(query,
                ResponseTypes.instanceOf(type), ResponseTypes.instanceOf(type))) {
            // An unknown entity answers null, which the gateway turns into an empty initial result. The updates are
            // emitted by the projection that handled the write: on another instance sharing the database (segments
            // are split between instances) this one emits nothing for it, so the read model is also read again every
            // POLL, whichever comes first.
            Flux<V> polled = Flux.interval(POLL, POLL).concatMap(tick -> Mono.fromFuture(() -> queries.query(query,
                    ResponseTypes.instanceOf(type))));
            Flux<V> views = result.initialResult().concatWith(Flux.merge(result.updates(), polled));
            V reached = views.filter(v -> versionOf.applyAsLong(v) >= version).blockFirst(timeout);
            if (reached != null) return new Seen<>(reached, version, true);
        } catch (IllegalStateException timedOut) {
            // fall through: answer with what the read model shows now, and say whether that includes the write
        }
        V now = current(query, type).orElse(null);
        return new Seen<>(now, version, now != null && versionOf.applyAsLong(now) >= version);
    }

    private <V> Optional<V> current(Object query, Class<V> type) {
        return Optional.ofNullable(queries.query(query, ResponseTypes.instanceOf(type)).join());
    }
}
