package org.vpp.bench.forecast;

import org.vpp.forecast.TrainingResult;

/**
 * One source and held-out window's figures: the selection on the training days, and the day-ahead errors on the
 * held-out days of the selected model, both seasonal naive forecasts and persistence, with the share of actuals
 * inside the P10-P90 band. {@code legacy} repeats the selection the way it was made before issue 12 (best of all
 * candidates on four folds, against daily naive) so that the optimism of each can be compared on the same days;
 * {@code legacyHeldOutGainPercent} is that model's held-out gain over daily naive, as it was reported then.
 */
public record SourceRun(BenchmarkSource source, HeldOutWindow window, TrainingResult training, double trainingMs,
                        double inferenceMs, int heldOutDays, HeldOutErrors heldOut, double coverage,
                        LegacySelection.Outcome legacy, double legacyHeldOutGainPercent) {

    /** Mean day-ahead MAE on the held-out days, per forecaster. */
    public record HeldOutErrors(double selected, double dailyNaive, double weeklyNaive, double persistence) {

        public double betterNaive() {
            return Math.min(dailyNaive, weeklyNaive);
        }

        /** How much lower the selected model's error is than the better naive forecast's, in percent. */
        public double gainOverBetterNaivePercent() {
            return 100 * (betterNaive() - selected) / betterNaive();
        }

        public double gainOverPersistencePercent() {
            return 100 * (persistence - selected) / persistence;
        }
    }
}
