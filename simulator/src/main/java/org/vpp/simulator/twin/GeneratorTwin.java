package org.vpp.simulator.twin;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/** A dispatchable generator; without a new setpoint it keeps its output. */
public final class GeneratorTwin implements DeviceTwin {

    private final String assetId;
    private final GeneratorLimits limits;
    private final MeasurementNoise noise;
    private final TwinRandomness randomness;
    private final OutageTracker outages;
    private double powerMw;

    public GeneratorTwin(String assetId, GeneratorLimits limits, OutageModel outageModel, MeasurementNoise noise,
            Instant start, long seed) {
        this.assetId = Objects.requireNonNull(assetId, "assetId");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.noise = Objects.requireNonNull(noise, "noise");
        this.randomness = TwinRandomness.of(seed, assetId);
        this.outages = new OutageTracker(outageModel, start, randomness.outages());
    }

    @Override
    public String assetId() {
        return assetId;
    }

    public synchronized double powerMw() {
        return powerMw;
    }

    @Override
    public synchronized TwinStep step(Instant at, Duration dt, OptionalDouble setpointMw) {
        double requested = setpointMw.orElse(powerMw);
        boolean available = outages.availableAt(at);
        StepOutcome outcome = available
                ? GeneratorPhysics.step(powerMw, limits, requested, dt)
                : new StepOutcome(requested, 0, requested == 0 ? Limitation.NONE : Limitation.OUTAGE);
        powerMw = outcome.deliveredMw();
        double measured = Math.max(0, noise.measuredPowerMw(powerMw, limits.maxPowerMw(), randomness.noise()));
        return new TwinStep(outcome, new TelemetrySample(assetId, at.plus(dt), measured, null, available));
    }
}
