package org.vpp.api.simulation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the telemetry tables already hold of the demo fleet. Each ingestion request is one transaction holding whole
 * simulation steps for every device, so the newest reading stored marks the end of the last complete step: the
 * history resumes from there, and each battery from the state of charge it last reported.
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

    /**
     * The state of charge each device last reported (a fraction of its capacity, as readings carry it), for the
     * devices that reported one: where a battery's twin resumes after a restart.
     */
    public Map<String, Double> lastSoc(List<String> deviceIds) {
        if (deviceIds.isEmpty()) return Map.of();
        Map<String, Double> soc = new HashMap<>();
        jdbc.query("SELECT asset_id, soc FROM asset_last_state WHERE asset_id = ANY (?) AND soc IS NOT NULL",
                rs -> {
                    soc.put(rs.getString(1), rs.getDouble(2));
                }, (Object) deviceIds.toArray(String[]::new));
        return Map.copyOf(soc);
    }
}
