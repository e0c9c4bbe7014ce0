package org.vpp.messages.forecast;

/** Everything that can happen to a forecast source: the experiment log of its models and forecasts. */
public sealed interface ForecastSourceEvent permits ForecastModelSelected, ForecastIssued, ForecastEvaluated {

    ForecastSourceId sourceId();
}
