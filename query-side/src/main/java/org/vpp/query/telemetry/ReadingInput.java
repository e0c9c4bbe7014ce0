package org.vpp.query.telemetry;

import java.time.Instant;

/**
 * A reading as it arrived, before validation: any field may be missing. {@code malformed} is set when the source
 * (e.g. an NDJSON line) could not be parsed at all.
 */
public record ReadingInput(String assetId, Instant at, Double powerMw, Double soc, Boolean available, String malformed) {

    public static ReadingInput of(String assetId, Instant at, Double powerMw, Double soc, Boolean available) {
        return new ReadingInput(assetId, at, powerMw, soc, available, null);
    }

    public static ReadingInput malformed(String reason) {
        return new ReadingInput(null, null, null, null, null, reason);
    }
}
