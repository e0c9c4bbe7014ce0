package org.vpp.messages.forecast;

import java.util.Map;

/** A candidate model that training did not score, and why (too little history, search budget spent, ...). */
public record SkippedModel(String model, Map<String, String> parameters, String reason) {

    public SkippedModel {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
