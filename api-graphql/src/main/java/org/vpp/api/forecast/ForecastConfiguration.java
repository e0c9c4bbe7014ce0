package org.vpp.api.forecast;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The default price history: the simulator's, until a market publishes real prices through the same port. */
@Configuration(proxyBeanMethods = false)
public class ForecastConfiguration {

    @Bean
    @ConditionalOnMissingBean(PriceHistory.class)
    public PriceHistory simulatedPriceHistory(ForecastProperties properties) {
        return new SimulatedPriceHistory(properties.priceSeed(), properties.priceLatitude(), properties.priceLongitude(),
                properties.timeZone());
    }
}
