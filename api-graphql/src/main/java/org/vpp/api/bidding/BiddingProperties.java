package org.vpp.api.bidding;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The day-ahead bidding cycle ({@code vpp.bidding.*}). Durations are application-clock time (simulated when
 * simulating).
 *
 * @param enabled            whether cycles open by themselves at gate closure minus {@code leadTime}; the
 *                           {@code startBiddingCycle} mutation works either way
 * @param zone               the bidding zone (one cycle per zone and delivery day)
 * @param timeZone           the zone's calendar: delivery days and gate closure are local
 * @param slotLength         the market's slot
 * @param leadTime           how long before gate closure a cycle opens
 * @param inputsWithin       the deadline of fetching the inputs, from the opening
 * @param solverBudget       the optimizer's budget; past it the best schedule so far is used
 * @param solverGrace        beyond the budget, for storing and recording the schedule
 * @param draftWithin        the deadline of drafting the bid, from the schedule
 * @param gateSafetyMargin   before gate closure: submit whatever is drafted, or abort
 * @param marketSilenceLimit after gate closure: abort when the market has not answered
 * @param uncertaintyFactor  pricing: 0 bids at the forecast point, 1 at its low (sell) or high (buy) quantile
 * @param marginalCost       pricing: EUR/MWh it costs the fleet to deliver or absorb energy
 * @param energyValue        pricing: EUR/MWh stored energy is worth to the fleet
 * @param roundTripEfficiency pricing: the share of a bought MWh the fleet's storage sells back; a purchase is bid up
 *                           to this times the forecast price of the plan's later sales
 * @param priceForecastMaxAge a forecast (price or device) older than this is stale: seasonal naive stands in
 * @param generatorCost      EUR/MWh a generator's output costs (until the registry records fuel costs)
 * @param aggregateAbove     more batteries than this are optimized as one equivalent battery per site
 * @param solverMoveLimit    the optimizer's determinism mode: local search stops after this many moves and no
 *                           clock stops it before (only the budget, as a safety net), so a bid's schedule can be
 *                           computed again from its recorded inputs and seed; 0 stops it by time (faster, not
 *                           reproducible)
 */
@ConfigurationProperties("vpp.bidding")
public record BiddingProperties(Boolean enabled, String zone, ZoneId timeZone, Duration slotLength, Duration leadTime,
                                Duration inputsWithin, Duration solverBudget, Duration solverGrace,
                                Duration draftWithin, Duration gateSafetyMargin, Duration marketSilenceLimit,
                                Double uncertaintyFactor, Double marginalCost, Double energyValue,
                                Duration priceForecastMaxAge, Double generatorCost, Integer aggregateAbove,
                                Long solverMoveLimit, Double roundTripEfficiency) {

    public BiddingProperties {
        enabled = enabled == null || enabled;
        zone = zone == null ? "DE-LU" : zone;
        timeZone = timeZone == null ? ZoneId.of("Europe/Berlin") : timeZone;
        slotLength = or(slotLength, Duration.ofMinutes(15));
        leadTime = or(leadTime, Duration.ofHours(2));
        inputsWithin = or(inputsWithin, Duration.ofMinutes(20));
        solverBudget = or(solverBudget, Duration.ofSeconds(30));
        solverGrace = or(solverGrace, Duration.ofMinutes(20));
        draftWithin = or(draftWithin, Duration.ofMinutes(10));
        gateSafetyMargin = or(gateSafetyMargin, Duration.ofMinutes(30));
        marketSilenceLimit = or(marketSilenceLimit, Duration.ofHours(2));
        uncertaintyFactor = uncertaintyFactor == null ? 0.5 : uncertaintyFactor;
        marginalCost = marginalCost == null ? 5.0 : marginalCost;
        energyValue = energyValue == null ? 150.0 : energyValue;
        roundTripEfficiency = roundTripEfficiency == null ? 0.85 : roundTripEfficiency;
        if (!(roundTripEfficiency > 0 && roundTripEfficiency <= 1)) {
            throw new IllegalArgumentException("vpp.bidding.round-trip-efficiency must be within (0, 1], got " + roundTripEfficiency);
        }
        priceForecastMaxAge = or(priceForecastMaxAge, Duration.ofHours(6));
        generatorCost = generatorCost == null ? 90.0 : generatorCost;
        aggregateAbove = aggregateAbove == null ? 200 : aggregateAbove;
        solverMoveLimit = solverMoveLimit == null ? DEFAULT_MOVE_LIMIT : solverMoveLimit;
        if (solverMoveLimit < 0) throw new IllegalArgumentException("vpp.bidding.solver-move-limit must be 0 or more, got " + solverMoveLimit);
        if (leadTime.compareTo(gateSafetyMargin.plus(inputsWithin)) <= 0) {
            throw new IllegalArgumentException("vpp.bidding.lead-time (" + leadTime + ") must exceed gate-safety-margin"
                    + " plus inputs-within (" + gateSafetyMargin.plus(inputsWithin) + ")");
        }
    }

    /** Moves of local search in determinism mode (docs/benchmarks.md: what they take at the demo's fleet size). */
    public static final long DEFAULT_MOVE_LIMIT = 20_000;

    private static Duration or(Duration value, Duration otherwise) {
        return value == null ? otherwise : value;
    }
}
