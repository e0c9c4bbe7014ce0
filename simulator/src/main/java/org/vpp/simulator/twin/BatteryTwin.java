package org.vpp.simulator.twin;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/** A battery that follows setpoints through {@link BatteryPhysics}, fails at random and reports noisy telemetry. */
public final class BatteryTwin implements DeviceTwin {

    private final String assetId;
    private final BatteryLimits limits;
    private final MeasurementNoise noise;
    private final TwinRandomness randomness;
    private final OutageTracker outages;
    private BatteryState state;

    public BatteryTwin(String assetId, BatteryLimits limits, BatteryState initial, OutageModel outageModel,
            MeasurementNoise noise, Instant start, long seed) {
        this.assetId = Objects.requireNonNull(assetId, "assetId");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.state = Objects.requireNonNull(initial, "initial");
        this.noise = Objects.requireNonNull(noise, "noise");
        this.randomness = TwinRandomness.of(seed, assetId);
        this.outages = new OutageTracker(outageModel, start, randomness.outages());
    }

    @Override
    public String assetId() {
        return assetId;
    }

    public synchronized BatteryState state() {
        return state;
    }

    @Override
    public synchronized TwinStep step(Instant at, Duration dt, OptionalDouble setpointMw) {
        double requested = setpointMw.orElse(0);
        boolean available = outages.availableAt(at);
        BatteryStep step = available
                ? BatteryPhysics.step(state, limits, requested, dt)
                : BatteryPhysics.idle(state, limits, requested, dt);
        state = step.next();
        double rated = Math.max(limits.maxPowerMw(), -limits.minPowerMw());
        TelemetrySample sample = new TelemetrySample(assetId, at.plus(dt),
                noise.measuredPowerMw(state.powerMw(), rated, randomness.noise()),
                noise.measuredSoc(state.soc(), randomness.noise()), available);
        return new TwinStep(step.outcome(), sample);
    }
}
