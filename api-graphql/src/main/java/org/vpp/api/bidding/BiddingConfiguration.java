package org.vpp.api.bidding;

import java.time.Duration;
import java.time.InstantSource;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.MarketRules;
import org.vpp.optimizer.Optimizer;
import org.vpp.optimizer.OptimizerSettings;
import org.vpp.optimizer.SolvingService;
import org.vpp.query.content.ContentStore;
import org.vpp.query.fleet.FleetRepository;
import org.vpp.query.forecast.ForecastStore;
import org.vpp.sagas.bidding.BiddingCycleOpener;
import org.vpp.sagas.bidding.BiddingCycleSettings;
import org.vpp.sagas.bidding.BiddingMarket;
import org.vpp.sagas.bidding.PricingPolicy;
import org.vpp.sagas.port.BiddingInputs;
import org.vpp.sagas.port.MeterHistory;
import org.vpp.sagas.port.PriceHistory;
import org.vpp.sagas.port.ScheduleSolver;

/**
 * Wiring of the bidding cycle: the market it bids into, the cycle's settings, the adapters of its ports (inputs from
 * the read models, the optimizer on a bounded solving service) and the process that opens a cycle every day, all
 * from {@code vpp.bidding.*}. The saga itself and its persistent deadlines are wired in {@code SagaConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class BiddingConfiguration {

    /** Fixed, recorded on every schedule: the same inputs give the same schedule (with a move limit, exactly). */
    static final long SOLVER_SEED = 42L;

    @Bean
    public BiddingMarket biddingMarket(BiddingProperties properties) {
        return new BiddingMarket(properties.zone(), MarketRules.dayAhead(properties.timeZone(), properties.slotLength()));
    }

    @Bean
    public BiddingCycleSettings biddingCycleSettings(BiddingProperties p) {
        return new BiddingCycleSettings(p.inputsWithin(), p.solverBudget(), p.solverGrace(), p.draftWithin(),
                p.gateSafetyMargin(), p.marketSilenceLimit(),
                new PricingPolicy(p.uncertaintyFactor(), EurPerMwh.of(p.marginalCost()), EurPerMwh.of(p.energyValue()),
                        p.roundTripEfficiency()));
    }

    @Bean
    public Json storedContentJson() {
        return new Json();
    }

    @Bean
    public StoredBiddingInputs biddingInputs(FleetRepository fleet, ForecastStore forecasts, ContentStore content,
                                             MeterHistory meters, PriceHistory prices, BiddingProperties properties,
                                             Json json) {
        return new StoredBiddingInputs(fleet, forecasts, content, meters, prices, properties.priceForecastMaxAge(), json);
    }

    /**
     * The optimizer's local search gets half the cycle's solver budget; LP, disaggregation and storing the rest. With
     * {@code solver-move-limit} (the default) it runs in determinism mode, so a bid's schedule can be re-run.
     */
    @Bean
    public OptimizerSettings biddingOptimizerSettings(BiddingProperties p) {
        Duration search = p.solverBudget().dividedBy(2);
        Duration unimproved = search.dividedBy(4).compareTo(Duration.ofSeconds(5)) < 0 ? search.dividedBy(4) : Duration.ofSeconds(5);
        // The schedule is explained device by device after disaggregation (ScheduleCheck), not by Timefold.
        OptimizerSettings base = OptimizerSettings.defaults().withRandomSeed(SOLVER_SEED).withExplain(false);
        // Determinism mode: the move limit ends the search, no unimproved-time stop (the budget stays as a safety net).
        if (p.solverMoveLimit() > 0) return base.withTimeBudget(search, search).withMoveLimit(p.solverMoveLimit());
        return base.withTimeBudget(search, unimproved);
    }

    @Bean(destroyMethod = "close")
    public SolvingService biddingSolvingService(OptimizerSettings biddingOptimizerSettings) {
        return new SolvingService(new Optimizer(biddingOptimizerSettings));
    }

    @Bean
    public DecisionRecords decisionRecords(org.axonframework.eventsourcing.eventstore.EventStore events, ContentStore content,
                                               Json json, BiddingInputs inputs, OptimizerScheduleSolver solver) {
        return new DecisionRecords(events, content, json, inputs, solver);
    }

    @Bean
    public OptimizerScheduleSolver scheduleSolver(ContentStore content, Json json, BiddingInputs inputs, SolvingService solving,
                                         OptimizerSettings biddingOptimizerSettings, BiddingProperties p,
                                         InstantSource clock, io.micrometer.core.instrument.MeterRegistry meters) {
        return new OptimizerScheduleSolver(content, json, inputs, solving, biddingOptimizerSettings, p.generatorCost(),
                p.aggregateAbove(), clock, meters);
    }

    /** Opens a cycle every day at gate closure minus the lead time, when {@code vpp.bidding.enabled}. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "vpp.bidding.enabled",
            havingValue = "true", matchIfMissing = true)
    public BiddingCycleOpener biddingCycleOpener(BiddingMarket market, BiddingProperties p, CommandGateway commands) {
        return new BiddingCycleOpener(market, p.leadTime(), p.gateSafetyMargin().plus(p.inputsWithin()), commands);
    }
}
