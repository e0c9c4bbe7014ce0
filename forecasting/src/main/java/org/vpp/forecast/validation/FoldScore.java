package org.vpp.forecast.validation;

import java.time.Instant;

/**
 * One fold's result. {@code trainedUntil} is the timestamp of the last value the model was given, recorded
 * so that anyone reading the log can check it lies before {@code origin}. {@code residuals} are actual minus
 * forecast, step by step: the raw material of the forecast's quantiles.
 */
public record FoldScore(Instant origin, Instant trainedUntil, Scores scores, double[] residuals) {

    public FoldScore {
        residuals = residuals.clone();
    }

    @Override
    public double[] residuals() {
        return residuals.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FoldScore that && origin.equals(that.origin) && trainedUntil.equals(that.trainedUntil)
                && scores.equals(that.scores) && java.util.Arrays.equals(residuals, that.residuals);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(origin, trainedUntil, scores, java.util.Arrays.hashCode(residuals));
    }
}
