package org.vpp.simulator.twin;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/** A dispatchable generator; without a new setpoint it keeps its output. */
public final class GeneratorTwin implements DeviceTwin {

    private final GeneratorLimits limits;
    private final TwinInstruments instruments;
    private double powerMw;

    public GeneratorTwin(String assetId, GeneratorLimits limits, OutageModel outageModel, MeasurementNoise noise,
            Instant start, long seed) {
        this.instruments = new TwinInstruments(assetId, outageModel, noise, start, seed);
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public String assetId() {
        return instruments.assetId();
    }

    public synchronized double powerMw() {
        return powerMw;
    }

    @Override
    public synchronized TwinStep step(Instant at, Duration dt, OptionalDouble setpointMw) {
        double requested = setpointMw.orElse(powerMw);
        boolean available = instruments.availableAt(at);
        StepOutcome outcome = available
                ? GeneratorPhysics.step(powerMw, limits, requested, dt)
                : TwinInstruments.outage(requested);
        powerMw = outcome.deliveredMw();
        double measured = Math.max(0, instruments.measuredPowerMw(powerMw, limits.maxPowerMw()));
        return new TwinStep(outcome, instruments.report(at, dt, measured, null, available));
    }
}
