package org.vpp.api.dispatch;

import java.time.InstantSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.api.bidding.Json;
import org.vpp.api.simulation.SimulationProperties;
import org.vpp.query.content.ContentStore;
import org.vpp.sagas.port.PriceHistory;

/**
 * The adapters of the dispatch's ports: the devices through the setpoint outbox and the telemetry tables
 * ({@code Devices}), stored content ({@code Contents}) and the simulated settlement prices ({@code SettlementPrices}).
 * The dispatch saga and its processes are wired elsewhere.
 */
@Configuration(proxyBeanMethods = false)
public class DispatchAdapterConfiguration {

    @Bean
    public DeviceSetpointStore deviceSetpointStore(JdbcTemplate jdbc, InstantSource clock) {
        return new DeviceSetpointStore(jdbc, clock);
    }

    @Bean
    public JdbcContents dispatchContents(ContentStore content, Json json) {
        return new JdbcContents(content, json);
    }

    /** The imbalance prices draw from the simulation's seed ({@code vpp.simulation.seed}), as the simulated market does. */
    @Bean
    public SimulatedSettlementPrices settlementPrices(PriceHistory prices, SimulationProperties simulation) {
        return new SimulatedSettlementPrices(prices, simulation.seed());
    }
}
