package org.vpp.optimizer;

import java.time.Duration;

/**
 * A new best schedule during a solve: time since the solve started (LP included), its score (hard in Wh of
 * violation, soft in milli-EUR) and the LP optimum it is measured against (NaN when not computed).
 */
public record Progress(Duration elapsed, long hardScoreWh, long softScoreMilliEur, double lpObjectiveEur) {

    /** {@code 1 - objective / lpObjective} from the soft score; NaN without a positive LP optimum. */
    public double gap() {
        return lpObjectiveEur > 1e-9 ? 1.0 - softScoreMilliEur / 1000.0 / lpObjectiveEur : Double.NaN;
    }
}
