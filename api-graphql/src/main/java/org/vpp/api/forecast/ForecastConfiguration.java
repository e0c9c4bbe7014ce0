package org.vpp.api.forecast;

import org.vpp.sagas.forecast.ForecastSettings;
import org.vpp.sagas.port.PriceHistory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The price history: an imported CSV when vpp.prices.csv is set, else the simulator's synthetic prices. */
@Configuration(proxyBeanMethods = false)
public class ForecastConfiguration {

    @Bean
    @ConditionalOnMissingBean(PriceHistory.class)
    public PriceHistory priceHistory(ForecastSettings properties, PricesProperties prices) {
        if (prices.csv() != null) {
            return CsvPriceHistory.load(prices.csv(), prices.format());
        }
        return new SimulatedPriceHistory(properties.priceSeed(), properties.priceLatitude(), properties.priceLongitude(),
                properties.timeZone());
    }
}
