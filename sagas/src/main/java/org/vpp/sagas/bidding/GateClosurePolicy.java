package org.vpp.sagas.bidding;

import java.time.Duration;

/**
 * What a bidding cycle does when gate closure is near (gate closure minus the safety margin). A bid that is drafted
 * goes out as it is: a drafted bid lies within the fleet's flexibility and is priced never to sell below cost or buy
 * above value, so submitting it beats offering nothing. Without a draft nothing can be offered in time, and the cycle
 * aborts with the step it was stuck in as its reason.
 */
public final class GateClosurePolicy {

    private GateClosurePolicy() {
    }

    public sealed interface Action permits SubmitDraft, Abort, NothingLeft {
    }

    /** Submit the drafted bid now. */
    public record SubmitDraft() implements Action {
    }

    /** Give the cycle up, for this reason. */
    public record Abort(String reason) implements Action {
    }

    /** The bid is already submitted: the gate has nothing left to decide. */
    public record NothingLeft() implements Action {
    }

    /** @param margin how long before gate closure this is decided, for the reason */
    public static Action atGateClosure(BiddingCyclePhase phase, Duration margin) {
        return switch (phase) {
            case FETCHING_INPUTS -> abort("no inputs were recorded", margin);
            case OPTIMIZING -> abort("no schedule was recorded", margin);
            case DRAFTING -> abort("no bid was drafted", margin);
            case SUBMITTING -> new SubmitDraft();
            case AWAITING_RESULT -> new NothingLeft();
        };
    }

    private static Abort abort(String what, Duration margin) {
        return new Abort("gate closure in " + margin + ": " + what + ", nothing can be offered in time");
    }
}
