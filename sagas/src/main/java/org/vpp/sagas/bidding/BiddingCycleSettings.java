package org.vpp.sagas.bidding;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each step of a bidding cycle may take, and how the bid is priced.
 *
 * @param inputsWithin       from the opening to the inputs being recorded
 * @param solverBudget       the optimizer's time budget; past it the solver returns its best schedule so far
 * @param solverGrace        beyond the budget, for storing and recording the schedule, before the step is given up
 * @param draftWithin        from the schedule being recorded to the bid being drafted
 * @param gateSafetyMargin   before gate closure, when whatever is drafted is submitted, or the cycle aborts
 * @param marketSilenceLimit after gate closure, how long the market may take to answer before the cycle aborts
 * @param pricing            the parameters of {@link BidPricing}
 */
public record BiddingCycleSettings(Duration inputsWithin, Duration solverBudget, Duration solverGrace,
                                   Duration draftWithin, Duration gateSafetyMargin, Duration marketSilenceLimit,
                                   PricingPolicy pricing) {

    public BiddingCycleSettings {
        positive("inputsWithin", inputsWithin);
        positive("solverBudget", solverBudget);
        positive("solverGrace", solverGrace);
        positive("draftWithin", draftWithin);
        positive("gateSafetyMargin", gateSafetyMargin);
        positive("marketSilenceLimit", marketSilenceLimit);
        Objects.requireNonNull(pricing, "pricing");
        if (solverBudget.toMillis() >= BiddingCycleSaga.STEP_HANDLER_LIMIT_MS) {
            throw new IllegalArgumentException("solverBudget must stay below the saga's step limit of "
                    + Duration.ofMillis(BiddingCycleSaga.STEP_HANDLER_LIMIT_MS) + ", got " + solverBudget);
        }
    }

    /** From the inputs being recorded to the schedule being recorded: the budget and its grace. */
    public Duration scheduleWithin() {
        return solverBudget.plus(solverGrace);
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
}
