package org.vpp.simulator.market;

/** Whether the system as a whole was short of energy (needed upward balancing) or long in a slot. */
public enum SystemDirection {
    SHORT,
    LONG
}
