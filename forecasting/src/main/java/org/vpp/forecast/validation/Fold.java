package org.vpp.forecast.validation;

/**
 * One split of rolling-origin cross-validation: the model is fitted on {@code [0, origin)} and scored on
 * {@code [origin, origin + horizon)}.
 */
public record Fold(int origin, int horizon) {

    public Fold {
        if (origin < 1 || horizon < 1) {
            throw new IllegalArgumentException("origin and horizon must be positive: " + origin + ", " + horizon);
        }
    }

    public int testEnd() {
        return origin + horizon;
    }
}
