package org.vpp.messages.forecast;

/** The model selections of a source, newest first: a list of {@link ModelSelectionView}. */
public record FindForecastModels(ForecastSourceId sourceId) {
}
