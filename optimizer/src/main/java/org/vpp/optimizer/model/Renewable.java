package org.vpp.optimizer.model;

import java.util.List;

/** A curtailable PV or wind plant: per slot it may produce anything between 0 and its forecast (MW). */
public record Renewable(String id, List<Double> forecastMw) {

    public Renewable {
        forecastMw = List.copyOf(forecastMw);
        if (forecastMw.stream().anyMatch(p -> p < 0)) {
            throw new IllegalArgumentException("renewable " + id + ": forecast must be non-negative");
        }
    }
}
