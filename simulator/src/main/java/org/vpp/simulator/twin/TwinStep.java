package org.vpp.simulator.twin;

/** One step of a twin: the exact outcome and the (noisy) telemetry it reports for the end of the step. */
public record TwinStep(StepOutcome outcome, TelemetrySample telemetry) {
}
