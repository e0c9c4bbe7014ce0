package org.vpp.api.graphql;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;

import graphql.schema.DataFetchingEnvironment;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import org.vpp.api.security.Caller;
import org.vpp.api.security.CallerContext;
import org.vpp.api.security.SubscriptionLimits;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.BidPage;
import org.vpp.messages.bid.BidView;
import org.vpp.messages.bid.FindBid;
import org.vpp.messages.bid.FindBids;
import org.vpp.messages.dispatch.DispatchId;
import org.vpp.messages.dispatch.DispatchView;
import org.vpp.messages.dispatch.FindDispatch;
import org.vpp.messages.fleet.AssetView;
import org.vpp.messages.fleet.FindAsset;
import org.vpp.messages.fleet.FindFleet;
import org.vpp.messages.fleet.FleetView;
import org.vpp.messages.fleet.LastTelemetry;
import org.vpp.messages.forecast.FindForecast;
import org.vpp.messages.forecast.FindForecastSources;
import org.vpp.messages.forecast.ForecastSourceId;
import org.vpp.messages.forecast.ForecastView;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The live side of the queries, fed by Axon subscription queries that the projections (and telemetry ingestion) emit
 * to after their writes commit. Back-pressure: every stream keeps only the latest value for a client that reads slower
 * than changes arrive (and throttled ones send at most one per interval), so a slow or stalled client costs one value
 * per subscription, never a backlog; {@link SubscriptionLimits} bounds how many there are.
 */
@Controller
public class SubscriptionController {

    static final int MAX_EVERY_SECONDS = 3600;

    private final QueryGateway queries;
    private final SubscriptionLimits limits;
    private final Clock wallClock = Clock.systemUTC();

    private final org.vpp.api.processing.ProjectionRebuilds rebuilds;

    public SubscriptionController(QueryGateway queries, SubscriptionLimits limits, org.vpp.api.processing.ProjectionRebuilds rebuilds) {
        this.queries = queries;
        this.limits = limits;
        this.rebuilds = rebuilds;
    }

    /** A rebuild's progress, looked at twice a second (it is in memory), sent when it changed, until it ends. */
    @SubscriptionMapping
    public Flux<org.vpp.api.processing.ProjectionRebuilds.Progress> projectionRebuild(@Argument String id, DataFetchingEnvironment env) {
        if (id == null || rebuilds.find(id).isEmpty()) throw new BadArgumentException("id", "no projection rebuild " + id);
        Flux<org.vpp.api.processing.ProjectionRebuilds.Progress> stream = Flux.interval(Duration.ZERO, Duration.ofMillis(500))
                .map(tick -> rebuilds.find(id).orElseThrow())
                .distinctUntilChanged(p -> java.util.List.of(p.status(), p.eventsDone(), p.eventsTotal()))
                .takeUntil(p -> p.status().ended());
        return live(env, stream);
    }

    @SubscriptionMapping
    public Flux<FleetView> fleetCapacity(@Argument String rootId, @Argument Integer everySeconds, DataFetchingEnvironment env) {
        AssetId root = rootId == null ? null : Ids.required("rootId", rootId);
        Duration every = every(everySeconds, 2);
        FindFleet query = new FindFleet(root);
        if (root != null && blocking(() -> queries.query(new FindAsset(root), ResponseTypes.instanceOf(AssetView.class)).join()) == null) {
            throw new BadArgumentException("rootId", "no asset with id " + rootId);
        }
        Flux<FleetView> stream = follow(query, FleetView.class, AssetId.class, changes -> changes.sample(every)
                .concatMap(change -> read(() -> queries.query(query, ResponseTypes.instanceOf(FleetView.class)).join()), 1));
        return live(env, stream.distinctUntilChanged());
    }

    @SubscriptionMapping
    public Flux<LastTelemetry> assetTelemetry(@Argument String assetId, @Argument Integer everySeconds, DataFetchingEnvironment env) {
        AssetId id = Ids.required("assetId", assetId);
        Duration every = every(everySeconds, 1);
        if (blocking(() -> queries.query(new FindAsset(id), ResponseTypes.instanceOf(AssetView.class)).join()) == null) {
            throw new BadArgumentException("assetId", "no asset with id " + assetId);
        }
        Flux<LastTelemetry> stream = follow(new FindAsset(id), AssetView.class, AssetView.class, changes -> changes.sample(every))
                .map(view -> java.util.Optional.ofNullable(view.lastTelemetry()))
                .filter(java.util.Optional::isPresent).map(java.util.Optional::get)
                .distinctUntilChanged(LastTelemetry::at);
        return live(env, stream);
    }

    @SubscriptionMapping
    public Flux<BidView> bidStatus(@Argument String id, DataFetchingEnvironment env) {
        if (id == null) {
            return live(env, changes(new FindBids(null, null, 1, null), BidPage.class, BidView.class));
        }
        BidId bid = Ids.requiredBid("id", id);
        if (blocking(() -> queries.query(new FindBid(bid), ResponseTypes.instanceOf(BidView.class)).join()) == null) {
            throw new BadArgumentException("id", "no bidding cycle " + id);
        }
        return live(env, follow(new FindBid(bid), BidView.class, BidView.class, Function.identity()));
    }

    @SubscriptionMapping
    public Flux<DispatchView> dispatchProgress(@Argument String id, DataFetchingEnvironment env) {
        DispatchId dispatch = Ids.requiredDispatch("id", id);
        FindDispatch query = new FindDispatch(dispatch);
        if (blocking(() -> queries.query(query, ResponseTypes.instanceOf(DispatchView.class)).join()) == null) {
            throw new BadArgumentException("id", "no dispatch " + id);
        }
        return live(env, follow(query, DispatchView.class, DispatchView.class, Function.identity()));
    }

    @SubscriptionMapping
    public Flux<BidView> scheduleReady(DataFetchingEnvironment env) {
        Flux<BidView> stream = changes(new FindBids(null, null, 1, null), BidPage.class, BidView.class)
                .filter(bid -> bid.status() == org.vpp.messages.bid.BidStatus.SCHEDULED && bid.schedule() != null)
                .distinctUntilChanged(bid -> bid.id().value() + "@" + bid.schedule().preparedAt());
        return live(env, stream);
    }

    @SubscriptionMapping
    public Flux<ForecastView> forecastIssued(@Argument String sourceId, DataFetchingEnvironment env) {
        if (sourceId == null) {
            return live(env, changes(FindForecastSources.all(), org.vpp.messages.forecast.ForecastSourcePage.class, ForecastView.class));
        }
        if (!ForecastSourceId.isValid(sourceId)) throw new BadArgumentException("sourceId", "is not a forecast source id: " + sourceId);
        return live(env, changes(new FindForecast(ForecastSourceId.of(sourceId), null), ForecastView.class, ForecastView.class));
    }

    @SubscriptionMapping
    public Flux<org.vpp.messages.alert.AlertView> alerts(@Argument Boolean active, @Argument org.vpp.messages.alert.AlertKind kind,
                                                         DataFetchingEnvironment env) {
        return live(env, changes(new org.vpp.messages.alert.FindAlerts(active, kind, 1, null), org.vpp.messages.alert.AlertPage.class,
                org.vpp.messages.alert.AlertView.class));
    }

    /** The query's answer now, then what {@code later} makes of its updates; the subscription ends with the stream. */
    private <Q, I, U> Flux<I> follow(Q query, Class<I> initial, Class<U> update, Function<Flux<U>, Flux<I>> later) {
        return Flux.using(() -> queries.subscriptionQuery(query, ResponseTypes.instanceOf(initial), ResponseTypes.instanceOf(update)),
                result -> result.initialResult().flux().concatWith(later.apply(result.updates().onBackpressureLatest())),
                SubscriptionQueryResult::cancel);
    }

    /** Only the query's updates, as they come. */
    private <Q, I, U> Flux<U> changes(Q query, Class<I> initial, Class<U> update) {
        return Flux.using(() -> queries.subscriptionQuery(query, ResponseTypes.instanceOf(initial), ResponseTypes.instanceOf(update)),
                result -> result.updates().onBackpressureLatest(), SubscriptionQueryResult::cancel);
    }

    /** A blocking read off the emitting thread (a projection's), skipped when it answers nothing. */
    private static <T> Mono<T> read(Callable<T> query) {
        return Mono.fromCallable(query).subscribeOn(Schedulers.boundedElastic()).filter(Objects::nonNull);
    }

    private static <T> T blocking(Callable<T> query) {
        try {
            return query.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Latest-value back-pressure, the caller's limits, and an end when the caller's token expires. */
    private <T> Flux<T> live(DataFetchingEnvironment env, Flux<T> stream) {
        Caller caller = env.getGraphQlContext().get(Caller.class);
        Instant expires = env.getGraphQlContext().get(CallerContext.EXPIRES_AT);
        String session = env.getGraphQlContext().get(CallerContext.SESSION);
        Flux<T> bounded = stream.onBackpressureLatest();
        if (expires != null) bounded = bounded.take(Duration.between(wallClock.instant(), expires));
        return limits.guard(caller, session, bounded);
    }

    private static Duration every(Integer seconds, int fallback) {
        int s = seconds == null ? fallback : seconds;
        if (s < 1 || s > MAX_EVERY_SECONDS) {
            throw new BadArgumentException("everySeconds", "must be between 1 and " + MAX_EVERY_SECONDS + ", got " + s);
        }
        return Duration.ofSeconds(s);
    }
}
