package org.vpp.forecast.model;

import java.util.Optional;
import org.vpp.kernel.TimeSeries;

/** A model fitted on one history; it forecasts the steps right after that history's end. */
@FunctionalInterface
public interface FittedModel {

    double[] predict(int steps);

    /**
     * This fit's learnt parameters applied at the end of {@code newer}, a later history of the same series: what a
     * model with costly training (trees, a regression) offers so that inference every few minutes need not train
     * again until the next training run. Empty for a model whose state is its history (naive, Holt-Winters): those
     * refit, which costs them next to nothing.
     */
    default Optional<FittedModel> advancedTo(TimeSeries newer) {
        return Optional.empty();
    }
}
