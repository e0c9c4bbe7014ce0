package org.vpp.api.bidding;

import java.time.InstantSource;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.vpp.sagas.bidding.BiddingMarket;
import org.vpp.sagas.bidding.MarketResults;
import org.vpp.sagas.port.Market;
import org.vpp.sagas.port.PriceHistory;

/**
 * The market the bids go to: the simulated exchange (a durable order book cleared against the day-ahead prices), and
 * the process that brings its answers to the bids on the application clock (run by the {@code ProcessDriver}, as
 * every {@code ClockProcess} bean).
 */
@Configuration(proxyBeanMethods = false)
public class MarketConfiguration {

    @Bean
    public SimulatedExchange simulatedExchange(JdbcTemplate jdbc, TransactionTemplate tx, PriceHistory prices,
                                               BiddingMarket market, InstantSource clock) {
        return new SimulatedExchange(jdbc, tx, prices, market, clock);
    }

    @Bean
    public MarketResults marketResults(Market market, CommandGateway commands) {
        return new MarketResults(market, commands);
    }
}
