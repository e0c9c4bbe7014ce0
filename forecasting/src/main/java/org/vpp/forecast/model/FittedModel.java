package org.vpp.forecast.model;

/** A model fitted on one history; it forecasts the steps right after that history's end. */
@FunctionalInterface
public interface FittedModel {

    double[] predict(int steps);
}
