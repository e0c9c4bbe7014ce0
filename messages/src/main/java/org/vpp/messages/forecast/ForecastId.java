package org.vpp.messages.forecast;

import java.time.Instant;

/**
 * Identity of one issued forecast: its source and issue instant ({@code pv:roof-7@2026-11-21T14:15:00Z}). It
 * is derived, not random, so issuing again at the same instant names the same forecast.
 */
public record ForecastId(String value) {

    public ForecastId {
        if (value == null || value.isBlank() || value.length() > 160) {
            throw new IllegalArgumentException("forecast id must be 1-160 characters: " + value);
        }
    }

    public static ForecastId of(ForecastSourceId source, Instant issuedAt) {
        return new ForecastId(source.value() + "@" + issuedAt);
    }

    @Override
    public String toString() {
        return value;
    }
}
