package org.vpp.api.config;

import java.time.InstantSource;
import java.time.ZoneOffset;

import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's only time source. Real time by default; the simulator's clock replaces it when simulating,
 * and tests provide a controllable one. Axon stamps events from a static clock of its own, so that clock is
 * pointed at ours: event timestamps, read models and the watchdog then all agree on what time it is.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean(InstantSource.class)
    public InstantSource applicationClock() {
        return InstantSource.system();
    }

    @Bean
    public InitializingBean axonUsesTheApplicationClock(InstantSource clock) {
        return () -> GenericEventMessage.clock = clock.withZone(ZoneOffset.UTC);
    }
}
