package org.vpp.forecast.validation;

import java.util.List;
import java.util.Map;
import org.vpp.forecast.model.ForecastModel;

/** A candidate model's cross-validation result: one score per fold and their mean. */
public record CandidateScore(ForecastModel model, List<FoldScore> folds, Scores mean) {

    public CandidateScore {
        folds = List.copyOf(folds);
    }

    public String name() {
        return model.name();
    }

    public Map<String, String> parameters() {
        return model.parameters();
    }
}
