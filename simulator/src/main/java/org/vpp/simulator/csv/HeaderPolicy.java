package org.vpp.simulator.csv;

/** Whether the first non-blank line holds column names. */
public enum HeaderPolicy {
    PRESENT,
    ABSENT,
    /** A header if its timestamp cell does not parse as a timestamp. */
    DETECT
}
