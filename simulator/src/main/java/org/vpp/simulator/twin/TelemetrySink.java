package org.vpp.simulator.twin;

import java.util.List;

/** Where twins report their measurements; the application provides the adapter to its ingestion path. */
@FunctionalInterface
public interface TelemetrySink {
    void accept(List<TelemetrySample> batch);
}
