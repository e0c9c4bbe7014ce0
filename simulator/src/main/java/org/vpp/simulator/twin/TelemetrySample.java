package org.vpp.simulator.twin;

import java.time.Instant;
import java.util.Objects;

/** One measurement as the application's ingestion path takes it; {@code soc} is null for devices without storage. */
public record TelemetrySample(String assetId, Instant at, double powerMw, Double soc, boolean available) {

    public TelemetrySample {
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(at, "at");
    }
}
