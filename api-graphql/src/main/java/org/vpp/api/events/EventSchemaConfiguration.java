package org.vpp.api.events;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How stored events and aggregates evolve: the upcasters that bring old revisions of events to today's shape (Axon
 * registers every {@code EventUpcaster} bean in its chain), and snapshots for the aggregates whose history grows
 * without bound. A forecast source records a forecast every few minutes and an asset a status change at every
 * telemetry loss, so loading either would read ever more events per command; a snapshot every
 * {@code vpp.snapshots.every} events bounds that to one snapshot plus fewer than that many events. Bids and dispatches
 * end after a few dozen events and need none.
 */
@Configuration(proxyBeanMethods = false)
public class EventSchemaConfiguration {

    /** Trigger bean names, as the aggregates' {@code @Aggregate(snapshotTriggerDefinition = ...)} name them. */
    public static final String ASSET_SNAPSHOTS = "assetSnapshots";
    public static final String FORECAST_SOURCE_SNAPSHOTS = "forecastSourceSnapshots";

    @Bean
    public AssetRenamedUpcaster assetRenamedUpcaster() {
        return new AssetRenamedUpcaster();
    }

    /** Snapshots are taken after the command's transaction commits, on a thread of their own, not the caller's. */
    @Bean
    public SpringAggregateSnapshotterFactoryBean snapshotter() {
        SpringAggregateSnapshotterFactoryBean factory = new SpringAggregateSnapshotterFactoryBean();
        ExecutorService executor = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("snapshotter").daemon().factory());
        factory.setExecutor(executor);
        return factory;
    }

    @Bean(ASSET_SNAPSHOTS)
    public SnapshotTriggerDefinition assetSnapshots(Snapshotter snapshotter, @Value("${vpp.snapshots.every:100}") int every) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, every);
    }

    @Bean(FORECAST_SOURCE_SNAPSHOTS)
    public SnapshotTriggerDefinition forecastSourceSnapshots(Snapshotter snapshotter, @Value("${vpp.snapshots.every:100}") int every) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, every);
    }
}
