package org.vpp.api.telemetry;

import java.time.InstantSource;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import org.axonframework.queryhandling.QueryUpdateEmitter;

import org.springframework.stereotype.Component;
import org.vpp.api.security.Caller;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.fleet.FindAsset;
import org.vpp.messages.fleet.FindFleet;
import org.vpp.query.fleet.FleetRepository;
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
    private final QueryUpdateEmitter emitter;
    private final FleetRepository fleet;

    private final io.micrometer.core.instrument.Counter stored;
    private final io.micrometer.core.instrument.Counter refused;

    public TelemetryIngestion(TelemetryStore store, TelemetryWatchdog watchdog, InstantSource clock,
                              QueryUpdateEmitter emitter, FleetRepository fleet, io.micrometer.core.instrument.MeterRegistry meters) {
        // vpp_telemetry_readings_total{result}: the ingest rate is its rate() in Prometheus.
        this.stored = meters.counter("vpp.telemetry.readings", "result", "stored");
        this.refused = meters.counter("vpp.telemetry.readings", "result", "refused");
        this.store = store;
        this.watchdog = watchdog;
        this.clock = clock;
        this.emitter = emitter;
        this.fleet = fleet;
    }

    /**
     * Readings sent by a caller through the API: a reading for an asset the caller's credential does not cover (a
     * DEVICE token names its assets) is refused like any malformed one, so the batch stores nothing.
     */
    public IngestResult ingest(Iterator<ReadingInput> readings, Caller caller) {
        return ingest(new Iterator<>() {
            @Override
            public boolean hasNext() {
                return readings.hasNext();
            }

            @Override
            public ReadingInput next() {
                ReadingInput r = readings.next();
                if (r.malformed() != null || r.assetId() == null || caller.mayReportFor(r.assetId())) return r;
                return ReadingInput.malformed("assetId", "the credential of " + caller.subject() + " (" + caller.role()
                        + ") may not report for asset " + r.assetId());
            }
        });
    }

    /** Readings from inside the application (the simulator, benchmarks): no credential to check. */
    public IngestResult ingest(Iterator<ReadingInput> readings) {
        IngestResult result = store.ingest(readings, clock.instant());
        stored.increment(result.stored());
        if (!result.accepted()) refused.increment(result.received());
        if (result.accepted()) {
            watchdog.afterIngest(result.assets());
            notifySubscribers(result.assets());
        }
        return result;
    }

    /**
     * Readings are rows, not events, so the projections emit nothing for them: the assets someone follows get their new
     * state here, and the fleet's followers one signal per request (they re-read the roll-up at their own pace).
     */
    private void notifySubscribers(Set<AssetId> assets) {
        if (assets.isEmpty()) return;
        Set<AssetId> followed = new HashSet<>();
        for (var subscription : emitter.activeSubscriptions()) {
            if (subscription.getPayload() instanceof FindAsset find && assets.contains(find.assetId())) followed.add(find.assetId());
        }
        for (AssetId id : followed) {
            fleet.find(id).ifPresent(view -> emitter.emit(FindAsset.class, q -> q.assetId().equals(id), view));
        }
        emitter.emit(FindFleet.class, q -> true, assets.iterator().next());
    }
}
