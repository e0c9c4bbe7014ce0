package org.vpp.api.graphql;

import java.time.Instant;

import org.vpp.query.telemetry.TelemetryRules;

/**
 * Instants given as query arguments: a year-0 timestamp or one centuries ahead is a client's mistake (an unset
 * clock, a unit slip), refused naming the argument rather than answered with an empty page.
 */
public final class Instants {

    /** The same floor as a reading's timestamp: nothing of this VPP happened before it. */
    public static final Instant EARLIEST = TelemetryRules.EARLIEST;
    public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private Instants() {
    }

    public static Instant plausible(String field, Instant value) {
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw new BadArgumentException(field, "must be between " + EARLIEST + " and " + LATEST + ", got " + value);
        }
        return value;
    }

    /** A past instant: plausible, and not after the application clock's {@code now}. */
    public static Instant notAfter(String field, Instant value, Instant now) {
        if (plausible(field, value).isAfter(now)) {
            throw new BadArgumentException(field, "must not be after the application's clock (" + now + "), got " + value);
        }
        return value;
    }
}
