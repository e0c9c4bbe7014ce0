package org.vpp.query.telemetry;

import java.time.Instant;

/**
 * A reading as it arrived, before validation: any field may be missing. {@code malformed} is set when the source
 * (e.g. an NDJSON line) could not be parsed at all ({@code malformedField} "reading") or one of its fields could not
 * be read as its type (that field's name).
 */
public record ReadingInput(String assetId, Instant at, Double powerMw, Double soc, Boolean available, String malformed,
                           String malformedField) {

    public static ReadingInput of(String assetId, Instant at, Double powerMw, Double soc, Boolean available) {
        return new ReadingInput(assetId, at, powerMw, soc, available, null, null);
    }

    public static ReadingInput malformed(String reason) {
        return malformed("reading", reason);
    }

    public static ReadingInput malformed(String field, String reason) {
        return new ReadingInput(null, null, null, null, null, reason, field);
    }
}
