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
    public ConfigurerModule deadLettersLoggedOnceAndFailuresRemembered(EventProcessorProperties properties, HandlerFailures failures) {
        return configurer -> {
            var processing = configurer.eventProcessing();
            for (String group : deadLetteringGroups(properties)) processing.registerDeadLetterPolicy(group, c -> new DeadLetterLog(group));
            processing.registerDefaultHandlerInterceptor((c, processor) -> failures.interceptorFor(processor));
        };
    }

    @Bean
    public DeadLetters deadLetters(EventProcessingConfiguration processing, EventProcessorProperties properties) {
        return new DeadLetters(processing, deadLetteringGroups(properties));
    }

    @Bean
    public ProcessorsHealthIndicator processorsHealthIndicator(EventProcessingConfiguration processing, EventStore events,
                                                               HandlerFailures failures,
                                                               @Value("${vpp.health.max-processor-lag:10000}") long maxLag) {
        return new ProcessorsHealthIndicator(processing, events, failures, maxLag);
    }
}
