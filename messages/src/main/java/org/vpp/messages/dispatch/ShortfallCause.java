package org.vpp.messages.dispatch;

/** Why a device is expected to deliver less than its setpoint in a slot. */
public enum ShortfallCause {
    /** Its status is not ONLINE, or its last reading said it was unavailable. */
    OFFLINE,
    /** It has not reported for longer than the dispatch tolerates. */
    NO_TELEMETRY,
    /** A battery's state of charge cannot sustain the setpoint for the whole slot. */
    STATE_OF_CHARGE,
    /** It delivered less than asked in its last reading (a plant under the weather, a unit that cannot ramp). */
    UNDER_PERFORMING
}
