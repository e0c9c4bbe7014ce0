package org.vpp.api.alert;

import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.api.config.VppProperties;
import org.vpp.api.processing.ProcessorLags;
import org.vpp.api.processing.RebuildableProjection;
import org.vpp.query.alert.AlertProjection;
import org.vpp.sagas.alert.AlertWatch;
import org.vpp.sagas.bidding.BiddingMarket;

/** The alerts: their read model (rebuildable like the others), the watch that raises and clears them, its facts. */
@Configuration(proxyBeanMethods = false)
public class AlertConfiguration {

    @Bean
    public ProcessorLags processorLags(EventProcessingConfiguration processing, EventStore events) {
        return new ProcessorLags(processing, events);
    }

    @Bean
    public AlertProjection alertProjection(JdbcTemplate jdbc, QueryUpdateEmitter emitter) {
        return new AlertProjection(jdbc, emitter);
    }

    @Bean
    public RebuildableProjection rebuildableAlerts() {
        return new RebuildableProjection(AlertProjection.PROCESSING_GROUP, AlertProjection.TABLES,
                jdbc -> new AlertProjection(jdbc, org.axonframework.queryhandling.SimpleQueryUpdateEmitter.builder().build()), () -> { });
    }

    @Bean
    @ConditionalOnExpression("${vpp.alerts.enabled:true}")
    public AlertWatch alertWatch(JdbcTemplate jdbc, ProcessorLags lags, AlertProjection alerts, List<BiddingMarket> markets,
                                 CommandGateway commands, AlertProperties properties, VppProperties vpp,
                                 @Value("${vpp.health.max-processor-lag:10000}") long maxLag) {
        return new AlertWatch(new JdbcAlertFacts(jdbc, lags, alerts), markets, commands,
                properties.settings(vpp.telemetry().offlineAfter(), maxLag));
    }
}
