package org.vpp.simulator.twin;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;
import org.vpp.kernel.TimeSeries;

/** A PV plant or wind park producing what its available-power series allows, curtailable on request. */
public final class RenewableTwin implements DeviceTwin {

    private final RenewableLimits limits;
    private final TimeSeries availableMw;
    private final TwinInstruments instruments;
    private double powerMw;

    public RenewableTwin(String assetId, RenewableLimits limits, TimeSeries availableMw, OutageModel outageModel,
            MeasurementNoise noise, Instant start, long seed) {
        this.instruments = new TwinInstruments(assetId, outageModel, noise, start, seed);
        this.limits = Objects.requireNonNull(limits, "limits");
        this.availableMw = availableMw;
    }

    @Override
    public OptionalDouble potentialMw(Instant at) {
        return OptionalDouble.of(availableMw.valueAt(at));
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
        double requested = setpointMw.orElse(limits.ratedPowerMw());
        boolean available = instruments.availableAt(at);
        StepOutcome outcome = available
                ? RenewablePhysics.step(powerMw, limits, availableMw.valueAt(at), requested, dt)
                : TwinInstruments.outage(requested);
        powerMw = outcome.deliveredMw();
        // A plant's meter never shows meaningful negative output; clip the noise at zero.
        double measured = Math.max(0, instruments.measuredPowerMw(powerMw, limits.ratedPowerMw()));
        return new TwinStep(outcome, instruments.report(at, dt, measured, null, available));
    }
}
