package org.vpp.simulator.twin;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;
import org.vpp.simulator.series.TimeSeries;

/**
 * A consumer drawing its demand series (negative MW), of which a flexible share can be shed. An outage here means
 * the connection is down: nothing is drawn.
 */
public final class LoadTwin implements DeviceTwin {

    private final String assetId;
    private final TimeSeries demandMw;
    private final double flexibleFraction;
    private final double ratedMw;
    private final MeasurementNoise noise;
    private final TwinRandomness randomness;
    private final OutageTracker outages;
    private double powerMw;

    public LoadTwin(String assetId, TimeSeries demandMw, double flexibleFraction, OutageModel outageModel,
            MeasurementNoise noise, Instant start, long seed) {
        if (flexibleFraction < 0 || flexibleFraction > 1) {
            throw new IllegalArgumentException("flexible fraction must be in [0, 1]");
        }
        this.assetId = Objects.requireNonNull(assetId, "assetId");
        this.demandMw = demandMw.inCanonicalUnit();
        this.flexibleFraction = flexibleFraction;
        this.ratedMw = Math.max(1e-6, -this.demandMw.min());
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
        double demand = demandMw.valueAt(at);
        double requested = setpointMw.orElse(demand);
        boolean available = outages.availableAt(at);
        StepOutcome outcome = available
                ? LoadPhysics.step(demand, flexibleFraction, requested)
                : new StepOutcome(requested, 0, requested == 0 ? Limitation.NONE : Limitation.OUTAGE);
        powerMw = outcome.deliveredMw();
        double measured = Math.min(0, noise.measuredPowerMw(powerMw, ratedMw, randomness.noise()));
        return new TwinStep(outcome, new TelemetrySample(assetId, at.plus(dt), measured, null, available));
    }
}
