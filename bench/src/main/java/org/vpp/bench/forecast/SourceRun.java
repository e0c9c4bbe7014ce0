package org.vpp.bench.forecast;

import org.vpp.forecast.TrainingResult;

/**
 * One source's benchmark figures: the cross-validation result on the training part, and the day-ahead errors
 * of the selected model and of daily seasonal naive on held-out days the training never saw.
 */
public record SourceRun(BenchmarkSource source, TrainingResult training, double trainingMs, double inferenceMs,
                        int heldOutDays, double heldOutMaeSelected, double heldOutMaeNaive) {

    public double heldOutImprovementPercent() {
        return 100 * (heldOutMaeNaive - heldOutMaeSelected) / heldOutMaeNaive;
    }
}
