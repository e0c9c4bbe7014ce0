package org.vpp.simulator.twin;

/** What a twin was asked for over one step and what it delivered, in MW (positive = injection). */
public record StepOutcome(double requestedMw, double deliveredMw, Limitation limitation) {

    public double shortfallMw() {
        return requestedMw - deliveredMw;
    }
}
