package org.vpp.simulator.twin;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What every twin has besides its physics: its identity, its random outages and its noisy meter. The physics
 * stays exact; only what the meter reports carries noise.
 */
final class TwinInstruments {

    private final String assetId;
    private final MeasurementNoise noise;
    private final TwinRandomness randomness;
    private final OutageTracker outages;

    TwinInstruments(String assetId, OutageModel outageModel, MeasurementNoise noise, Instant start, long seed) {
        this.assetId = Objects.requireNonNull(assetId, "assetId");
        this.noise = Objects.requireNonNull(noise, "noise");
        this.randomness = TwinRandomness.of(seed, assetId);
        this.outages = new OutageTracker(outageModel, start, randomness.outages());
    }

    String assetId() {
        return assetId;
    }

    boolean availableAt(Instant at) {
        return outages.availableAt(at);
    }

    /** What a device in an outage does with a request: nothing, and says why. */
    static StepOutcome outage(double requestedMw) {
        return new StepOutcome(requestedMw, 0, requestedMw == 0 ? Limitation.NONE : Limitation.OUTAGE);
    }

    double measuredPowerMw(double truePowerMw, double ratedMw) {
        return noise.measuredPowerMw(truePowerMw, ratedMw, randomness.noise());
    }

    double measuredSoc(double trueSoc) {
        return noise.measuredSoc(trueSoc, randomness.noise());
    }

    /** The reading for the step [at, at + dt), stamped at its end. */
    TelemetrySample report(Instant at, Duration dt, double measuredPowerMw, Double measuredSoc, boolean available) {
        return new TelemetrySample(assetId, at.plus(dt), measuredPowerMw, measuredSoc, available);
    }
}
