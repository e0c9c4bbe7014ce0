package org.vpp.simulator.twin;

/** One battery step: the next state, what was asked and delivered, and the energy lost to self-discharge. */
public record BatteryStep(BatteryState next, StepOutcome outcome, double selfDischargeLossMwh) {
}
