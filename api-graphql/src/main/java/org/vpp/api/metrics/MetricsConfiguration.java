package org.vpp.api.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vpp.api.processing.ProcessorLags;

/** The domain's meters ({@link VppMetrics}) and the event processors' lag, one gauge per processor. */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    public VppMetrics vppMetrics(MeterRegistry registry) {
        return new VppMetrics(registry);
    }

    /** The {@code solver} component of {@code /actuator/health}. */
    @Bean
    public SolverHealthIndicator solverHealthIndicator(VppMetrics metrics) {
        return new SolverHealthIndicator(metrics);
    }

    /** Once every processor is registered: {@code vpp_processor_lag_events{processor}}, read when scraped. */
    @Bean
    public ApplicationListener<ApplicationReadyEvent> processorLagGauges(MeterRegistry registry, ProcessorLags lags,
                                                                        EventProcessingConfiguration processing) {
        return ready -> processing.eventProcessors().keySet().forEach(name ->
                Gauge.builder("vpp.processor.lag.events", lags, l -> l.of(name))
                        .tag("processor", name).description("events the processor is behind the event store")
                        .register(registry));
    }
}
