package org.vpp.messages.bid;

import java.time.Duration;
import java.util.Map;

/** How a schedule was computed, enough to run it again: the solver, its time budget, its seed and its settings. */
public record SolverSettings(String solver, Duration timeBudget, long seed, Map<String, String> parameters) {

    public SolverSettings {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
