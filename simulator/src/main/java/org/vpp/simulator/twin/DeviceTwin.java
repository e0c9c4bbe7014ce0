package org.vpp.simulator.twin;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * A simulated device that follows setpoints. Without a setpoint it does what it would do on its own: a battery
 * holds zero, PV and wind produce what is available, a load draws its demand, a generator keeps its output.
 */
public interface DeviceTwin {

    String assetId();

    /** Steps over [at, at + dt); implementations must be called with contiguous, increasing steps. */
    TwinStep step(Instant at, Duration dt, OptionalDouble setpointMw);

    /**
     * What the world offers this device at {@code at}, before any setpoint and outage: a PV plant's or wind park's
     * available power, a load's demand (negative). Empty for devices whose power is only what they are told (batteries,
     * generators). What a perfect-foresight plan may count on; reading it changes nothing.
     */
    default OptionalDouble potentialMw(Instant at) {
        return OptionalDouble.empty();
    }
}
