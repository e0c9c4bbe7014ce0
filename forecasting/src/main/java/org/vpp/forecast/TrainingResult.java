package org.vpp.forecast;

import java.util.Objects;
import java.util.Optional;
import org.vpp.forecast.model.SeasonalNaive;
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

    /** The seasonal naive candidate with the season that scales MASE: the baseline to beat. */
    public Optional<CandidateScore> baseline() {
        return selection.scored().stream()
                .filter(candidate -> candidate.model().name().equals(SeasonalNaive.NAME)
                        && candidate.parameters().get("season").equals(maseSeason.name()))
                .findFirst();
    }

    /** How much lower the selected model's error is than the baseline's, in percent of the baseline's. */
    public Optional<Double> improvementOverBaselinePercent() {
        return baseline().map(baseline -> {
            double reference = selection.metric().of(baseline.mean());
            double achieved = selection.metric().of(selection.best().mean());
            return 100 * (reference - achieved) / reference;
        });
    }
}
