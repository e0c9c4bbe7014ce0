package org.vpp.simulator.twin;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;
import org.vpp.simulator.series.TimeSeries;

/** A PV plant or wind park producing what its available-power series allows, curtailable on request. */
public final class RenewableTwin implements DeviceTwin {

    private final String assetId;
    private final RenewableLimits limits;
    private final TimeSeries availableMw;
    private final MeasurementNoise noise;
    private final TwinRandomness randomness;
    private final OutageTracker outages;
    private double powerMw;

    public RenewableTwin(String assetId, RenewableLimits limits, TimeSeries availableMw, OutageModel outageModel,
            MeasurementNoise noise, Instant start, long seed) {
        this.assetId = Objects.requireNonNull(assetId, "assetId");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.availableMw = availableMw.inCanonicalUnit();
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
        double requested = setpointMw.orElse(limits.ratedPowerMw());
        boolean available = outages.availableAt(at);
        StepOutcome outcome = available
                ? RenewablePhysics.step(powerMw, limits, availableMw.valueAt(at), requested, dt)
                : new StepOutcome(requested, 0, requested == 0 ? Limitation.NONE : Limitation.OUTAGE);
        powerMw = outcome.deliveredMw();
        // A plant's meter never shows meaningful negative output; clip the noise at zero.
        double measured = Math.max(0, noise.measuredPowerMw(powerMw, limits.ratedPowerMw(), randomness.noise()));
        return new TwinStep(outcome, new TelemetrySample(assetId, at.plus(dt), measured, null, available));
    }
}
