package org.vpp.optimizer;

import java.util.List;

/**
 * What Timefold's local search added over the schedule it started from (the LP optimum rounded to the levels, or
 * idle without the LP), read from a solve's progress: the first report is the starting schedule, the last the best.
 * Scores, not valuations: the soft score is the objective in milli-EUR (rounded per term), the hard score the
 * violation in Wh, so a start that broke a limit shows as a hard gain.
 *
 * @param startHardWh   hard score of the starting schedule (0 = feasible)
 * @param startEur      soft score of the starting schedule, in EUR
 * @param bestHardWh    hard score of the best schedule
 * @param bestEur       soft score of the best schedule, in EUR
 */
public record LocalSearchGain(long startHardWh, double startEur, long bestHardWh, double bestEur) {

    public static LocalSearchGain of(List<Progress> progress) {
        if (progress.isEmpty()) {
            throw new IllegalArgumentException("a solve reports at least its starting schedule");
        }
        Progress start = progress.getFirst();
        Progress best = progress.getLast();
        return new LocalSearchGain(start.hardScoreWh(), start.softScoreMilliEur() / 1000.0, best.hardScoreWh(),
                best.softScoreMilliEur() / 1000.0);
    }

    /** EUR gained by local search; meaningful as a value only when both schedules are feasible. */
    public double gainEur() {
        return bestEur - startEur;
    }

    /** The gain as a fraction of {@code lpObjectiveEur}: the share of the optimum that rounding lost and search won back. */
    public double gainRelativeTo(double lpObjectiveEur) {
        return lpObjectiveEur > 1e-9 ? gainEur() / lpObjectiveEur : Double.NaN;
    }
}
