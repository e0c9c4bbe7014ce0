package org.vpp.api.processing;

import java.util.Set;
import java.util.stream.Collectors;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Poison-proof projections: a handler failure parks its event in the group's dead-letter queue (enabled per group
 * with {@code axon.eventhandling.processors.<group>.dlq.enabled}) inside a savepoint of the batch transaction, is
 * logged once, and shows in {@code /actuator/health} until it is dealt with.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessingConfiguration {

    static Set<String> deadLetteringGroups(EventProcessorProperties properties) {
        return properties.getProcessors().entrySet().stream()
                .filter(e -> e.getValue().getDlq() != null && e.getValue().getDlq().isEnabled())
                .map(java.util.Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Bean
    public ProjectionSavepoints projectionSavepoints(EventProcessorProperties properties,
                                                            ObjectProvider<PlatformTransactionManager> transactions) {
        return new ProjectionSavepoints(deadLetteringGroups(properties), transactions::getObject);
    }

    @Bean
    public HandlerFailures handlerFailures() {
        return new HandlerFailures();
    }

    @Bean
    public ConfigurerModule deadLettersLoggedOnceAndFailuresRemembered(EventProcessorProperties properties, HandlerFailures failures,
                                                                     io.micrometer.core.instrument.MeterRegistry meters) {
        return configurer -> {
            var processing = configurer.eventProcessing();
            for (String group : deadLetteringGroups(properties)) processing.registerDeadLetterPolicy(group, c -> new DeadLetterLog(group));
            processing.registerDefaultHandlerInterceptor((c, processor) -> failures.interceptorFor(processor));
            processing.registerDefaultHandlerInterceptor((c, processor) -> handledCounter(meters, processor));
        };
    }

    /**
     * {@code vpp_processor_events_handled_total{processor}}: events this instance's processor handled, counted once their
     * batch committed. Summed over the instances of a scaled-out deployment it equals what one instance would handle.
     */
    private static org.axonframework.messaging.MessageHandlerInterceptor<org.axonframework.eventhandling.EventMessage<?>> handledCounter(
            io.micrometer.core.instrument.MeterRegistry meters, String processor) {
        io.micrometer.core.instrument.Counter handled = meters.counter("vpp.processor.events.handled", "processor", processor);
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            unitOfWork.afterCommit(u -> handled.increment());
            return result;
        };
    }

    /** Shares processor segments between instances on one database (see {@link SegmentBalancer}); every 5 s of real time. */
    @Bean
    public SegmentBalancer segmentBalancer(EventProcessingConfiguration processing, org.springframework.jdbc.core.JdbcTemplate jdbc,
                                           org.springframework.scheduling.TaskScheduler scheduler,
                                           @Value("${vpp.processing.balance-every:PT5S}") java.time.Duration every) {
        SegmentBalancer balancer = new SegmentBalancer(processing, jdbc,
                java.lang.management.ManagementFactory.getRuntimeMXBean().getName(), every.multipliedBy(4).plusSeconds(5), every.multipliedBy(2));
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                balancer.balance();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(SegmentBalancer.class).warn("Segment balancing failed; trying again: {}", e.toString());
            }
        }, every);
        return balancer;
    }

    @Bean
    public DeadLetters deadLetters(EventProcessingConfiguration processing, EventProcessorProperties properties) {
        return new DeadLetters(processing, deadLetteringGroups(properties));
    }

    /**
     * Rebuilds write their copies through connections of their own (a pool that holds none while no rebuild runs), so
     * that a rebuild's parallel lanes never take the connections the live processors and queries need.
     */
    @Bean(destroyMethod = "shutdown")
    public ProjectionRebuilds projectionRebuilds(com.zaxxer.hikari.HikariDataSource dataSource, org.springframework.jdbc.core.JdbcTemplate jdbc,
                                                 org.springframework.transaction.support.TransactionTemplate tx, EventStore events,
                                                 org.axonframework.eventhandling.tokenstore.TokenStore tokens,
                                                 EventProcessingConfiguration processing,
                                                 java.util.List<RebuildableProjection> projections, java.time.InstantSource clock) {
        com.zaxxer.hikari.HikariConfig copies = new com.zaxxer.hikari.HikariConfig();
        copies.setPoolName("vpp-rebuild");
        copies.setJdbcUrl(dataSource.getJdbcUrl());
        copies.setUsername(dataSource.getUsername());
        copies.setPassword(dataSource.getPassword());
        copies.setMinimumIdle(0);
        copies.setIdleTimeout(java.time.Duration.ofSeconds(30).toMillis());
        copies.setMaximumPoolSize(ProjectionRebuilds.connectionsFor(projections.size()));
        return new ProjectionRebuilds(new com.zaxxer.hikari.HikariDataSource(copies), jdbc, tx, events, tokens, processing,
                projections, clock, java.util.concurrent.Executors.newCachedThreadPool(Thread.ofPlatform().name("projection-rebuild-", 1).factory()));
    }

    @Bean
    public ProcessorsHealthIndicator processorsHealthIndicator(EventProcessingConfiguration processing, EventStore events,
                                                               HandlerFailures failures,
                                                               @Value("${vpp.health.max-processor-lag:10000}") long maxLag) {
        return new ProcessorsHealthIndicator(processing, events, failures, maxLag);
    }
}
