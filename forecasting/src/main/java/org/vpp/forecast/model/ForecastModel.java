package org.vpp.forecast.model;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.vpp.kernel.TimeSeries;

/**
 * A forecasting method with its hyperparameters, before it has seen data. Implementations are immutable
 * records, so one model may be fitted on many sources at once.
 */
public interface ForecastModel {

    /** The family, e.g. {@code seasonal-naive}; with {@link #parameters()} it names the candidate in logs. */
    String name();

    Map<String, String> parameters();

    /**
     * The family whose variants compete in tuning; one winner per family reaches the selection window. The name,
     * unless variants of one name are different baselines (seasonal naive by day and by week).
     */
    default String family() {
        return name();
    }

    /** Ranks models for tie-breaking in selection: on equal error the lower rank (the simpler model) wins. */
    int complexity();

    /** The shortest history {@link #fit} accepts for this step. */
    int minimumHistory(Duration step);

    /** Learns from {@code history} only; forecasts start at {@code history.end()}. */
    FittedModel fit(TimeSeries history);

    /** Name and parameters in a stable order, for logs and reports. */
    default String label() {
        return name() + new TreeMap<>(parameters());
    }
}
