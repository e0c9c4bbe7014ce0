package org.vpp.simulator.twin;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;
import org.vpp.kernel.TimeSeries;

/**
 * A consumer drawing its demand series (negative MW), of which a flexible share can be shed. An outage here means
 * the connection is down: nothing is drawn.
 */
public final class LoadTwin implements DeviceTwin {

    private final TimeSeries demandMw;
    private final double flexibleFraction;
    private final double ratedMw;
    private final TwinInstruments instruments;
    private double powerMw;

    public LoadTwin(String assetId, TimeSeries demandMw, double flexibleFraction, OutageModel outageModel,
            MeasurementNoise noise, Instant start, long seed) {
        if (flexibleFraction < 0 || flexibleFraction > 1) {
            throw new IllegalArgumentException("flexible fraction must be in [0, 1]");
        }
        this.instruments = new TwinInstruments(assetId, outageModel, noise, start, seed);
        this.demandMw = demandMw;
        this.flexibleFraction = flexibleFraction;
        this.ratedMw = Math.max(1e-6, -this.demandMw.min());
    }

    @Override
    public OptionalDouble potentialMw(Instant at) {
        return OptionalDouble.of(demandMw.valueAt(at));
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
        double demand = demandMw.valueAt(at);
        double requested = setpointMw.orElse(demand);
        boolean available = instruments.availableAt(at);
        StepOutcome outcome = available
                ? LoadPhysics.step(demand, flexibleFraction, requested)
                : TwinInstruments.outage(requested);
        powerMw = outcome.deliveredMw();
        double measured = Math.min(0, instruments.measuredPowerMw(powerMw, ratedMw));
        return new TwinStep(outcome, instruments.report(at, dt, measured, null, available));
    }
}
