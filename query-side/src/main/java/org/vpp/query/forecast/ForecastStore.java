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
        return save(id, source, origin, step, values, null, now);
    }

    /**
     * Stores the values and, when {@code band} is given ({p10, p50, p90}, each as long as the values), the band.
     *
     * @return true when stored, false when a series with that id was already there
     */
    public boolean save(ForecastId id, ForecastSourceId source, Instant origin, Duration step, double[] values,
                        double[][] band, Instant now) {
        Double[] boxed = boxedFinite(id, values);
        Double[][] levels = band == null ? null : new Double[][] {boxedFinite(id, band[0]), boxedFinite(id, band[1]),
                boxedFinite(id, band[2])};
        if (levels != null && java.util.Arrays.stream(levels).anyMatch(level -> level.length != values.length)) {
            throw new IllegalArgumentException("forecast " + id + " has a band of another length than its values");
        }
        return jdbc.execute((ConnectionCallback<Integer>) con -> {
            try (var ps = con.prepareStatement("""
                    INSERT INTO forecast_values (forecast_id, source_id, origin, step_seconds, vals, written_at, p10, p50, p90)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (forecast_id) DO NOTHING""")) {
                ps.setString(1, id.value());
                ps.setString(2, source.value());
                ps.setTimestamp(3, Timestamp.from(origin));
                ps.setLong(4, step.toSeconds());
                ps.setArray(5, con.createArrayOf("float8", boxed));
                ps.setTimestamp(6, Timestamp.from(now));
                for (int level = 0; level < 3; level++) {
                    ps.setArray(7 + level, levels == null ? null : con.createArrayOf("float8", levels[level]));
                }
                return ps.executeUpdate();
            }
        }) > 0;
    }

    private static Double[] boxedFinite(ForecastId id, double[] values) {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("forecast " + id + " has a non-finite value at step " + i);
            }
            boxed[i] = values[i];
        }
        return boxed;
    }

    /**
     * The newest forecast of each source issued at or before {@code asOf}, with the cross-validated RMSE of the model
     * that made it (null when unknown), in one query: a cycle reads thousands of sources at once.
     */
    public java.util.Map<ForecastSourceId, Issued> latestIssued(java.util.Collection<ForecastSourceId> sources, Instant asOf) {
        java.util.Map<ForecastSourceId, Issued> found = new java.util.HashMap<>();
        if (sources.isEmpty()) return found;
        String[] ids = sources.stream().map(ForecastSourceId::value).toArray(String[]::new);
        jdbc.query(con -> {
            var ps = con.prepareStatement("""
                    SELECT DISTINCT ON (i.source_id) i.forecast_id, i.source_id, i.issued_at, i.origin, i.step_seconds,
                           i.model, v.vals, v.p10, v.p50, v.p90,""" + MODEL_RMSE + """
                    FROM forecast_issued i JOIN forecast_values v ON v.forecast_id = i.forecast_id
                    WHERE i.source_id = ANY (?) AND i.issued_at <= ?
                    ORDER BY i.source_id, i.issued_at DESC""");
            ps.setArray(1, con.createArrayOf("varchar", ids));
            ps.setTimestamp(2, Timestamp.from(asOf));
            return ps;
        }, rs -> {
            Issued issued = issued(rs);
            found.put(issued.source(), issued);
        });
        return found;
    }

    /**
     * An issued forecast as stored: value i covers {@code [origin + i * step, origin + (i + 1) * step)}; {@code band}
     * is {p10, p50, p90} with one value per step each, or null for a forecast stored without one.
     */
    public record Issued(ForecastId id, ForecastSourceId source, Instant issuedAt, Instant origin, Duration step,
                         String model, double[] values, Double rmse, double[][] band) {
    }

    /** A stored series by its id (issued or not), with the cross-validated RMSE of its model when it was issued. */
    public java.util.Optional<Issued> series(ForecastId id) {
        return jdbc.query("""
                SELECT v.forecast_id, v.source_id, coalesce(i.issued_at, v.written_at) AS issued_at, v.origin,
                       v.step_seconds, coalesce(i.model, '') AS model, v.vals, v.p10, v.p50, v.p90,""" + MODEL_RMSE + """
                FROM forecast_values v LEFT JOIN forecast_issued i ON i.forecast_id = v.forecast_id
                WHERE v.forecast_id = ?""", (rs, n) -> issued(rs), id.value()).stream().findFirst();
    }

    /**
     * The cross-validated RMSE of the issued forecast {@code i}'s model and parameters, at its latest selection: on
     * the held-back selection folds where it was a finalist (the honest figure), else on the tuning folds.
     */
    private static final String MODEL_RMSE = """
             (SELECT c.rmse FROM forecast_candidate c
               WHERE c.source_id = i.source_id AND c.model = i.model
                 AND c.parameter_values = i.parameter_values AND c.rmse IS NOT NULL
               ORDER BY c.seq DESC, (c.cv_window = 'SELECTION') DESC NULLS LAST LIMIT 1) AS rmse
            """;

    /** A row of forecast_id, source_id, issued_at, origin, step_seconds, model, vals, p10, p50, p90 and rmse. */
    private static Issued issued(java.sql.ResultSet rs) throws java.sql.SQLException {
        double[] values = doubles(rs.getArray("vals"));
        double rmse = rs.getDouble("rmse");
        Double knownRmse = rs.wasNull() ? null : rmse;
        double[][] band = rs.getArray("p10") == null ? null
                : new double[][] {doubles(rs.getArray("p10")), doubles(rs.getArray("p50")), doubles(rs.getArray("p90"))};
        return new Issued(new ForecastId(rs.getString("forecast_id")), ForecastSourceId.of(rs.getString("source_id")),
                rs.getTimestamp("issued_at").toInstant(), rs.getTimestamp("origin").toInstant(),
                Duration.ofSeconds(rs.getLong("step_seconds")), rs.getString("model"), values, knownRmse, band);
    }

    private static double[] doubles(java.sql.Array array) throws java.sql.SQLException {
        Object[] raw = (Object[]) array.getArray();
        double[] values = new double[raw.length];
        for (int k = 0; k < raw.length; k++) values[k] = ((Number) raw[k]).doubleValue();
        return values;
    }
}
