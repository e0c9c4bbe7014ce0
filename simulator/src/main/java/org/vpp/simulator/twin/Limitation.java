package org.vpp.simulator.twin;

/** Why a twin delivered something other than what was asked. */
public enum Limitation {
    NONE,
    /** The power could not change that fast. */
    RAMP_LIMITED,
    /** The storage would have gone beyond its state-of-charge bounds. */
    SOC_LIMITED,
    /** Beyond the device's power range (or into the forbidden band of a generator). */
    POWER_LIMITED,
    /** Not enough sun, wind or demand for the request. */
    RESOURCE_LIMITED,
    /** The device is out of service. */
    OUTAGE
}
