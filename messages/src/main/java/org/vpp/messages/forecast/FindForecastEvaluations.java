package org.vpp.messages.forecast;

/** The latest {@code limit} evaluations of a source, newest first; answered with a list of {@link ForecastEvaluationView}. */
public record FindForecastEvaluations(ForecastSourceId sourceId, int limit) {

    public static final int MAX_LIMIT = 1000;
}
