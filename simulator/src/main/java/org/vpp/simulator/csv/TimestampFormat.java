package org.vpp.simulator.csv;

/** How the timestamp column is written. */
public enum TimestampFormat {
    /** ISO-8601 with offset or Z, or a local date-time read in the format's zone ('T' or a space as separator). */
    ISO_8601,
    /** Seconds since 1970-01-01T00:00Z, optionally with a fraction. */
    EPOCH_SECONDS,
    /** Epoch seconds if the cell is a plain number, ISO-8601 otherwise. */
    AUTO
}
