package org.vpp.api.dispatch;

import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vpp.api.bidding.BiddingProperties;
import org.vpp.query.fleet.FleetRepository;
import org.vpp.sagas.bidding.BiddingMarket;
import org.vpp.sagas.dispatch.DispatchSettings;
import org.vpp.sagas.dispatch.ManualDispatchRequests;
import org.vpp.sagas.port.Contents;
import org.vpp.sagas.port.Devices;
import org.vpp.sagas.port.DispatchPlans;
import org.vpp.sagas.port.DispatchScopes;

/**
 * Wiring of dispatch: its settings ({@code vpp.dispatch.*}), the adapters that plan a bid's dispatch from its stored
 * schedule and a manual one from the registry, and the manual request service the API calls. The saga is registered
 * in {@code SagaConfiguration}; the device, content and price adapters in {@link DispatchAdapterConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class DispatchConfiguration {

    @Bean
    public DispatchSettings dispatchSettings(DispatchProperties properties) {
        return properties.settings();
    }

    @Bean
    public DispatchPlans dispatchPlans(EventStore events, Contents contents, BiddingProperties bidding) {
        return new StoredDispatchPlans(events, contents, bidding.generatorCost());
    }

    @Bean
    public DispatchScopes dispatchScopes(FleetRepository fleet, EventStore events, Contents contents, BiddingMarket market,
                                         BiddingProperties bidding) {
        return new RegistryDispatchScopes(fleet, events, contents, market, bidding.generatorCost());
    }

    /** Manual dispatch ids are random (the one injected source of them), so two requests never collide. */
    @Bean
    public ManualDispatchRequests manualDispatchRequests(DispatchScopes scopes, Devices devices, Contents contents,
                                                         CommandGateway commands, BiddingMarket market) {
        return new ManualDispatchRequests(scopes, devices, contents, commands, () -> UUID.randomUUID().toString(),
                market.rules().slotLength());
    }
}
