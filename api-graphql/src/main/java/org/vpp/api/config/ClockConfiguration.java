package org.vpp.api.config;

import java.time.InstantSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's only time source. Real time by default; the simulator's clock replaces it when simulating, and
 * tests inject a stepped one.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean(InstantSource.class)
    public InstantSource applicationClock() {
        return InstantSource.system();
    }
}
