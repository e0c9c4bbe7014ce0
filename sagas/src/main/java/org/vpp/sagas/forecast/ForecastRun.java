package org.vpp.sagas.forecast;

import java.time.Instant;
import java.util.List;

import org.vpp.messages.forecast.ForecastSourceId;

/** What one training or inference run did, source by source. */
public record ForecastRun(Instant at, int horizonSteps, List<Outcome> outcomes) {

    public enum Status { DONE, SKIPPED, REFUSED, FAILED }

    /** @param detail the model used or selected when done, the reason otherwise */
    public record Outcome(ForecastSourceId sourceId, Status status, String detail) {
    }

    public ForecastRun {
        outcomes = List.copyOf(outcomes);
    }

    public List<ForecastSourceId> done() {
        return outcomes.stream().filter(o -> o.status() == Status.DONE).map(Outcome::sourceId).toList();
    }

    public Outcome of(ForecastSourceId source) {
        return outcomes.stream().filter(o -> o.sourceId().equals(source)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(source + " was not part of the run " + this));
    }
}
