package org.vpp.simulator.twin;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/** A battery that follows setpoints through {@link BatteryPhysics}, fails at random and reports noisy telemetry. */
public final class BatteryTwin implements DeviceTwin {

    private final BatteryLimits limits;
    private final TwinInstruments instruments;
    private BatteryState state;

    public BatteryTwin(String assetId, BatteryLimits limits, BatteryState initial, OutageModel outageModel,
            MeasurementNoise noise, Instant start, long seed) {
        this.instruments = new TwinInstruments(assetId, outageModel, noise, start, seed);
        this.limits = Objects.requireNonNull(limits, "limits");
        this.state = Objects.requireNonNull(initial, "initial");
    }

    @Override
    public String assetId() {
        return instruments.assetId();
    }

    public synchronized BatteryState state() {
        return state;
    }

    @Override
    public synchronized TwinStep step(Instant at, Duration dt, OptionalDouble setpointMw) {
        double requested = setpointMw.orElse(0);
        boolean available = instruments.availableAt(at);
        BatteryStep step = available
                ? BatteryPhysics.step(state, limits, requested, dt)
                : BatteryPhysics.idle(state, limits, requested, dt);
        state = step.next();
        double rated = Math.max(limits.maxPowerMw(), -limits.minPowerMw());
        TelemetrySample sample = instruments.report(at, dt, instruments.measuredPowerMw(state.powerMw(), rated),
                instruments.measuredSoc(state.soc()), available);
        return new TwinStep(step.outcome(), sample);
    }
}
