package org.vpp.query.forecast;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.messages.forecast.ForecastId;
import org.vpp.messages.forecast.ForecastSourceId;

/**
 * Writes forecast series to {@code forecast_values}. The application calls it before it records the forecast
 * as issued, so the event only refers to the values; a series already stored under the same id is kept (the id
 * names source and issue instant, so a second write is a retry).
 */
public class ForecastStore {

    private final JdbcTemplate jdbc;

    public ForecastStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true when stored, false when a series with that id was already there */
    public boolean save(ForecastId id, ForecastSourceId source, Instant origin, Duration step, double[] values, Instant now) {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("forecast " + id + " has a non-finite value at step " + i);
            }
            boxed[i] = values[i];
        }
        return jdbc.execute((ConnectionCallback<Integer>) con -> {
            try (var ps = con.prepareStatement("""
                    INSERT INTO forecast_values (forecast_id, source_id, origin, step_seconds, vals, written_at)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (forecast_id) DO NOTHING""")) {
                ps.setString(1, id.value());
                ps.setString(2, source.value());
                ps.setTimestamp(3, Timestamp.from(origin));
                ps.setLong(4, step.toSeconds());
                ps.setArray(5, con.createArrayOf("float8", boxed));
                ps.setTimestamp(6, Timestamp.from(now));
                return ps.executeUpdate();
            }
        }) > 0;
    }
}
