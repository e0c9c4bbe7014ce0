package org.vpp.api.bidding;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.MarketRules;
import org.vpp.sagas.bidding.BiddingCycleSettings;
import org.vpp.sagas.bidding.BiddingMarket;
import org.vpp.sagas.bidding.PricingPolicy;

/** Wiring of the bidding cycle: the market it bids into and the cycle's settings, from {@code vpp.bidding.*}. */
@Configuration(proxyBeanMethods = false)
public class BiddingConfiguration {

    @Bean
    public BiddingMarket biddingMarket(BiddingProperties properties) {
        return new BiddingMarket(properties.zone(), MarketRules.dayAhead(properties.timeZone(), properties.slotLength()));
    }

    @Bean
    public BiddingCycleSettings biddingCycleSettings(BiddingProperties p) {
        return new BiddingCycleSettings(p.inputsWithin(), p.solverBudget(), p.solverGrace(), p.draftWithin(),
                p.gateSafetyMargin(), p.marketSilenceLimit(),
                new PricingPolicy(p.uncertaintyFactor(), EurPerMwh.of(p.marginalCost()), EurPerMwh.of(p.energyValue())));
    }
}
