package org.vpp.api.telemetry;

import java.time.InstantSource;
import java.util.Iterator;

import org.springframework.stereotype.Component;
import org.vpp.query.telemetry.IngestResult;
import org.vpp.query.telemetry.ReadingInput;
import org.vpp.query.telemetry.TelemetryStore;
import org.vpp.sagas.telemetry.TelemetryWatchdog;

/** The one ingestion path for both entry points (GraphQL and NDJSON): store, then let the watchdog react. */
@Component
public class TelemetryIngestion {

    private final TelemetryStore store;
    private final TelemetryWatchdog watchdog;
    private final InstantSource clock;

    public TelemetryIngestion(TelemetryStore store, TelemetryWatchdog watchdog, InstantSource clock) {
        this.store = store;
        this.watchdog = watchdog;
        this.clock = clock;
    }

    public IngestResult ingest(Iterator<ReadingInput> readings) {
        IngestResult result = store.ingest(readings, clock.instant());
        if (result.accepted()) watchdog.afterIngest(result.assets());
        return result;
    }
}
