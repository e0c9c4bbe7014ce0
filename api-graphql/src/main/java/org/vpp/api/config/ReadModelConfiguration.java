package org.vpp.api.config;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.vpp.api.bidding.BiddingProperties;
import org.vpp.api.processing.RebuildableProjection;
import org.vpp.command.asset.JdbcAssetTopology;
import org.vpp.query.audit.AuditTrail;
import org.vpp.query.bid.BidProjection;
import org.vpp.query.bid.BidRepository;
import org.vpp.query.dispatch.DispatchProjection;
import org.vpp.query.dispatch.DispatchRepository;
import org.vpp.query.fleet.FleetHistory;
import org.vpp.query.fleet.FleetProjection;
import org.vpp.query.content.ContentStore;
import org.vpp.query.fleet.FleetRepository;
import org.vpp.query.fleet.FleetRollups;
import org.vpp.query.forecast.ForecastHistory;
import org.vpp.query.forecast.ForecastProjection;
import org.vpp.query.forecast.ForecastStore;
import org.vpp.query.telemetry.TelemetryStore;

/** Spring lives here, not in the modules: the command-side lookup, projections and stores as beans. */
@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

    @Bean
    public JdbcAssetTopology assetTopology(JdbcTemplate jdbc) {
        return new JdbcAssetTopology(jdbc);
    }

    /** Audit trails read the event store, serialised back with the serializer that wrote it. */
    @Bean
    public AuditTrail auditTrail(EventStore events, @Qualifier("eventSerializer") Serializer serializer) {
        return new AuditTrail(events, serializer);
    }

    /** The fleet as of a past instant, from the asset events (upcast by Axon's chain) and the readings then known. */
    @Bean
    public FleetHistory fleetHistory(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
                                     org.axonframework.config.Configuration axon) {
        return new FleetHistory(jdbc, serializer, events -> axon.upcasterChain().upcast(events));
    }

    @Bean
    public FleetRepository fleetRepository(JdbcTemplate jdbc) {
        return new FleetRepository(jdbc);
    }

    @Bean
    public FleetProjection fleetProjection(JdbcTemplate jdbc, FleetRepository repository, QueryUpdateEmitter emitter,
                                           FleetRollups rollups) {
        return new FleetProjection(jdbc, repository, emitter, rollups);
    }

    /**
     * Roll-ups shared between concurrent requests and kept until the fleet changes; at most a second old when another
     * node of a scaled-out deployment wrote.
     */
    @Bean
    public FleetRollups fleetRollups(FleetRepository repository) {
        return new FleetRollups(repository, java.time.Duration.ofSeconds(1), System::nanoTime);
    }

    @Bean
    public BidRepository bidRepository(JdbcTemplate jdbc) {
        return new BidRepository(jdbc);
    }

    @Bean
    public BidProjection bidProjection(JdbcTemplate jdbc, BidRepository repository, QueryUpdateEmitter emitter) {
        return new BidProjection(jdbc, repository, emitter);
    }

    @Bean
    public DispatchRepository dispatchRepository(JdbcTemplate jdbc) {
        return new DispatchRepository(jdbc);
    }

    /** A dispatch's delivery day is the date of its first slot in the market's calendar, as a bid's is. */
    @Bean
    public DispatchProjection dispatchProjection(JdbcTemplate jdbc, DispatchRepository repository,
                                                 QueryUpdateEmitter emitter, BiddingProperties bidding) {
        return new DispatchProjection(jdbc, repository, emitter, bidding.timeZone());
    }

    @Bean
    public TelemetryStore telemetryStore(JdbcTemplate jdbc, TransactionTemplate tx, VppProperties properties,
                                         FleetRollups rollups) {
        return new TelemetryStore(jdbc, tx, properties.telemetry().maxAhead(), rollups);
    }

    @Bean
    public ForecastProjection forecastProjection(JdbcTemplate jdbc, QueryUpdateEmitter emitter) {
        return new ForecastProjection(jdbc, emitter);
    }

    @Bean
    public ForecastStore forecastStore(JdbcTemplate jdbc) {
        return new ForecastStore(jdbc);
    }

    @Bean
    public ContentStore contentStore(JdbcTemplate jdbc) {
        return new ContentStore(jdbc);
    }

    @Bean
    public ForecastHistory forecastHistory(JdbcTemplate jdbc) {
        return new ForecastHistory(jdbc);
    }

    /** One bid's or dispatch's view as of a past instant, by its projection's own code on temporary tables. */
    @Bean
    public org.vpp.api.audit.PointInTimeViews pointInTimeViews(javax.sql.DataSource dataSource,
                                                              org.axonframework.eventsourcing.eventstore.EventStore events,
                                                              java.util.List<RebuildableProjection> projections) {
        return new org.vpp.api.audit.PointInTimeViews(dataSource, events, projections);
    }

    // ---- the same projections, rebuildable beside the ones in use (org.vpp.api.processing.ProjectionRebuilds) ----

    private static QueryUpdateEmitter noSubscribers() {
        return org.axonframework.queryhandling.SimpleQueryUpdateEmitter.builder().build();
    }

    @Bean
    public RebuildableProjection rebuildableFleet(FleetRollups rollups) {
        return new RebuildableProjection(FleetProjection.PROCESSING_GROUP, FleetProjection.TABLES,
                jdbc -> new FleetProjection(jdbc, new FleetRepository(jdbc), noSubscribers(),
                        new FleetRollups(new FleetRepository(jdbc), java.time.Duration.ofSeconds(1), System::nanoTime)),
                rollups::changed);
    }

    @Bean
    public RebuildableProjection rebuildableBids() {
        return new RebuildableProjection(BidProjection.PROCESSING_GROUP, BidProjection.TABLES,
                jdbc -> new BidProjection(jdbc, new BidRepository(jdbc), noSubscribers()), () -> { });
    }

    @Bean
    public RebuildableProjection rebuildableDispatches(BiddingProperties bidding) {
        return new RebuildableProjection(DispatchProjection.PROCESSING_GROUP, DispatchProjection.TABLES,
                jdbc -> new DispatchProjection(jdbc, new DispatchRepository(jdbc), noSubscribers(), bidding.timeZone()), () -> { });
    }

    @Bean
    public RebuildableProjection rebuildableForecasts() {
        return new RebuildableProjection(ForecastProjection.PROCESSING_GROUP, ForecastProjection.TABLES,
                jdbc -> new ForecastProjection(jdbc, noSubscribers()), () -> { });
    }
}
