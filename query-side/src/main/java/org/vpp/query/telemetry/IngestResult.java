package org.vpp.query.telemetry;

import java.util.List;
import java.util.Set;

import org.vpp.messages.asset.AssetId;

/**
 * Outcome of one ingestion request. With any problem nothing is stored (all or nothing), and {@code problems}
 * lists the first {@value TelemetryStore#MAX_PROBLEMS} of them.
 *
 * @param received readings read from the request
 * @param stored   new readings stored (a re-sent reading with the same asset and time is not stored twice)
 * @param assets   devices that reported in this request (empty when refused)
 */
public record IngestResult(long received, long stored, List<TelemetryProblem> problems, boolean problemsTruncated,
                           Set<AssetId> assets) {

    public boolean accepted() {
        return problems.isEmpty();
    }
}
