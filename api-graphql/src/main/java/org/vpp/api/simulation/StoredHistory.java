package org.vpp.api.simulation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the telemetry table already holds of the demo fleet's meter history. Each ingestion request is one
 * transaction holding whole simulation steps for every device, so the newest reading stored marks the end of the
 * last complete step: the history resumes from there.
 */
@Component
public class StoredHistory {

    private final JdbcTemplate jdbc;

    public StoredHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Instant> newestReading(List<String> deviceIds) {
        if (deviceIds.isEmpty()) return Optional.empty();
        Timestamp newest = jdbc.queryForObject("SELECT max(at) FROM telemetry_reading WHERE asset_id = ANY (?)", Timestamp.class,
                (Object) deviceIds.toArray(String[]::new));
        return Optional.ofNullable(newest).map(Timestamp::toInstant);
    }
}
