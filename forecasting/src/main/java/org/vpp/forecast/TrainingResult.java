package org.vpp.forecast;

import java.util.Objects;
import java.util.Optional;
import org.vpp.forecast.validation.CandidateScore;
import org.vpp.forecast.validation.SelectionResult;
import org.vpp.forecast.value.Horizon;
import org.vpp.forecast.value.Season;

/** The outcome of training for one source: the spec to forecast with and every candidate's scores. */
public record TrainingResult(TrainedModelSpec selected, Horizon horizon, Season maseSeason, SelectionResult selection) {

    public TrainingResult {
        Objects.requireNonNull(selected, "selected");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(maseSeason, "maseSeason");
        Objects.requireNonNull(selection, "selection");
    }

    /** The better of the daily and weekly seasonal naive forecasts on the selection window: the baseline to beat. */
    public Optional<CandidateScore> baseline() {
        return Optional.of(selection.baseline());
    }

    /** How much lower the selected model's error is than the baseline's on the selection window, in percent. */
    public Optional<Double> improvementOverBaselinePercent() {
        return Optional.of(selection.gainOverBaselinePercent());
    }
}
