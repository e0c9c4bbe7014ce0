package org.vpp.api.market;

import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.vpp.api.bidding.BiddingProperties;
import org.vpp.api.simulation.SimulationProperties;
import org.vpp.sagas.bidding.BiddingMarket;

/**
 * {@code market}: the bidding zone, its calendar and the application's clock, so that a client (the dashboard) shows
 * times in the market's zone and offers only delivery days that may still be bid, whatever clock the server runs on.
 */
@Controller
public class MarketController {

    private final BiddingMarket market;
    private final BiddingProperties bidding;
    private final SimulationProperties simulation;
    private final InstantSource clock;

    public MarketController(BiddingMarket market, BiddingProperties bidding, SimulationProperties simulation, InstantSource clock) {
        this.market = market;
        this.bidding = bidding;
        this.simulation = simulation;
        this.clock = clock;
    }

    public record MarketView(String zone, String timeZone, int slotMinutes, Instant now, double clockSpeed,
                             LocalDate firstOpenDay, LocalDate lastOpenDay, Instant nextGateClosure) {
    }

    @QueryMapping
    public MarketView market() {
        Instant now = clock.instant();
        LocalDate first = market.firstOpenDay(now);
        return new MarketView(market.zone(), bidding.timeZone().getId(), (int) bidding.slotLength().toMinutes(), now,
                simulation.enabled() ? simulation.speed() : 1, first, market.lastOpenDay(now), market.gateClosure(first));
    }
}
