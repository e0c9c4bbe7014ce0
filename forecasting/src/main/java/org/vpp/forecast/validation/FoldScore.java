package org.vpp.forecast.validation;

import java.time.Instant;

/**
 * One fold's result. {@code trainedUntil} is the timestamp of the last value the model was given, recorded
 * so that anyone reading the log can check it lies before {@code origin}.
 */
public record FoldScore(Instant origin, Instant trainedUntil, Scores scores) {
}
