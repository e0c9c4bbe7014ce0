package org.vpp.forecast.validation;

import org.vpp.forecast.model.ForecastModel;

/** A candidate that was not scored, and why (too little history, or the search budget was spent). */
public record SkippedCandidate(ForecastModel model, String reason) {
}
