package org.vpp.query.forecast;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.messages.forecast.CandidateMetrics;
import org.vpp.messages.forecast.FindForecast;
import org.vpp.messages.forecast.FindForecastModels;
import org.vpp.messages.forecast.FindForecastSource;
import org.vpp.messages.forecast.FindForecastSources;
import org.vpp.messages.forecast.ForecastId;
import org.vpp.messages.forecast.ForecastIssued;
import org.vpp.messages.forecast.ForecastModelSelected;
import org.vpp.messages.forecast.ForecastSlot;
import org.vpp.messages.forecast.ForecastSourceId;
import org.vpp.messages.forecast.ForecastSourceKind;
import org.vpp.messages.forecast.ForecastSourceView;
import org.vpp.messages.forecast.ForecastView;
import org.vpp.messages.forecast.ModelSelectionView;
import org.vpp.messages.forecast.SkippedModel;

/**
 * The forecasting read models: the experiment log of model selections with every candidate's metrics, the
 * forecasts issued, and one summary row per source. Rows are keyed by the event's sequence number (or the
 * forecast id), so replaying or redelivering events is harmless. A forecast's values come from
 * {@code forecast_values}; its realised error is computed when asked, from whatever telemetry has arrived since.
 */
@ProcessingGroup(ForecastProjection.PROCESSING_GROUP)
public class ForecastProjection {

    public static final String PROCESSING_GROUP = "forecasts";

    private final JdbcTemplate jdbc;

    public ForecastProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ForecastModelSelected e, @SequenceNumber long seq) {
        String source = e.sourceId().value();
        int inserted = withArrays(e.parameters(), (names, values) -> jdbc.update("""
                INSERT INTO forecast_selection (source_id, seq, kind, trained_at, horizon_steps, step_seconds, metric,
                    model, parameter_names, parameter_values, history_start, history_end)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_id, seq) DO NOTHING""",
                source, seq, e.kind().name(), ts(e.trainedAt()), e.horizonSteps(), e.step().toSeconds(), e.metric(),
                e.model(), names, values, ts(e.historyStart()), ts(e.historyEnd())));
        if (inserted == 0) return;
        int ordinal = 0;
        for (CandidateMetrics c : e.candidates()) {
            int o = ordinal++;
            withArrays(c.parameters(), (names, values) -> jdbc.update("""
                    INSERT INTO forecast_candidate (source_id, seq, ordinal, model, parameter_names, parameter_values,
                        mae, rmse, mase, folds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    source, seq, o, c.model(), names, values, c.mae(), c.rmse(), c.mase(), c.folds()));
        }
        for (SkippedModel s : e.skipped()) {
            int o = ordinal++;
            withArrays(s.parameters(), (names, values) -> jdbc.update("""
                    INSERT INTO forecast_candidate (source_id, seq, ordinal, model, parameter_names, parameter_values,
                        skipped_reason) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    source, seq, o, s.model(), names, values, s.reason()));
        }
        withArrays(e.parameters(), (names, values) -> jdbc.update("""
                INSERT INTO forecast_source AS s (source_id, kind, model, parameter_names, parameter_values, horizon_steps,
                    last_trained_at, selections, forecasts, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, 1, 0, ?)
                ON CONFLICT (source_id) DO UPDATE SET model = EXCLUDED.model, parameter_names = EXCLUDED.parameter_names,
                    parameter_values = EXCLUDED.parameter_values, horizon_steps = EXCLUDED.horizon_steps,
                    last_trained_at = EXCLUDED.last_trained_at, selections = s.selections + 1, version = EXCLUDED.version
                WHERE s.version < EXCLUDED.version""",
                source, e.kind().name(), e.model(), names, values, e.horizonSteps(), ts(e.trainedAt()), seq));
    }

    @EventHandler
    void on(ForecastIssued e, @SequenceNumber long seq) {
        int inserted = withArrays(e.parameters(), (names, values) -> jdbc.update("""
                INSERT INTO forecast_issued (forecast_id, source_id, seq, kind, issued_at, origin, step_seconds,
                    horizon_steps, model, parameter_names, parameter_values)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (forecast_id) DO NOTHING""",
                e.forecastId().value(), e.sourceId().value(), seq, e.kind().name(), ts(e.issuedAt()), ts(e.origin()),
                e.step().toSeconds(), e.horizonSteps(), e.model(), names, values));
        if (inserted == 0) return;
        jdbc.update("""
                UPDATE forecast_source SET last_issued_at = ?, forecasts = forecasts + 1, version = ?
                WHERE source_id = ? AND version < ?""", ts(e.issuedAt()), seq, e.sourceId().value(), seq);
    }

    @ResetHandler
    void reset() {
        // forecast_values is not derived from events: the events only refer to it.
        jdbc.update("TRUNCATE forecast_source, forecast_selection, forecast_candidate, forecast_issued");
    }

    // Value or null, never Optional: an Optional does not survive serialisation across Axon Server.
    @QueryHandler
    ForecastView handle(FindForecast query) {
        List<Object> args = new ArrayList<>(List.of(query.sourceId().value()));
        String sql = """
                SELECT i.forecast_id, i.source_id, i.kind, i.issued_at, i.origin, i.step_seconds, i.horizon_steps,
                       i.model, i.parameter_names, i.parameter_values, v.vals
                FROM forecast_issued i JOIN forecast_values v ON v.forecast_id = i.forecast_id
                WHERE i.source_id = ?""";
        if (query.issuedAt() != null) {
            sql += " AND i.issued_at <= ?";
            args.add(ts(query.issuedAt()));
        }
        sql += " ORDER BY i.issued_at DESC LIMIT 1";
        List<ForecastView> found = jdbc.query(sql, (rs, n) -> {
            ForecastSourceId source = ForecastSourceId.of(rs.getString(2));
            Instant origin = rs.getTimestamp(5).toInstant();
            Duration step = Duration.ofSeconds(rs.getLong(6));
            double[] values = doubles(rs.getArray(11));
            return new ForecastView(new ForecastId(rs.getString(1)), source, ForecastSourceKind.valueOf(rs.getString(3)),
                    rs.getTimestamp(4).toInstant(), origin, step, rs.getInt(7), rs.getString(8), parameters(rs, 9),
                    slots(origin, step, values, null), null, 0);
        }, args.toArray());
        return found.stream().findFirst().map(this::withActuals).orElse(null);
    }

    @QueryHandler
    List<ModelSelectionView> handle(FindForecastModels query) {
        String source = query.sourceId().value();
        Map<Long, List<CandidateMetrics>> scored = new HashMap<>();
        Map<Long, List<SkippedModel>> skipped = new HashMap<>();
        jdbc.query("""
                SELECT seq, model, parameter_names, parameter_values, mae, rmse, mase, folds, skipped_reason
                FROM forecast_candidate WHERE source_id = ? ORDER BY seq, ordinal""", rs -> {
            long seq = rs.getLong(1);
            if (rs.getString(9) != null) {
                skipped.computeIfAbsent(seq, k -> new ArrayList<>())
                        .add(new SkippedModel(rs.getString(2), parameters(rs, 3), rs.getString(9)));
            } else {
                scored.computeIfAbsent(seq, k -> new ArrayList<>()).add(new CandidateMetrics(rs.getString(2),
                        parameters(rs, 3), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getInt(8)));
            }
        }, source);
        return jdbc.query("""
                SELECT seq, kind, trained_at, horizon_steps, step_seconds, metric, model, parameter_names,
                       parameter_values, history_start, history_end
                FROM forecast_selection WHERE source_id = ? ORDER BY trained_at DESC, seq DESC""", (rs, n) -> {
            long seq = rs.getLong(1);
            return new ModelSelectionView(query.sourceId(), ForecastSourceKind.valueOf(rs.getString(2)),
                    rs.getTimestamp(3).toInstant(), rs.getInt(4), Duration.ofSeconds(rs.getLong(5)), rs.getString(6),
                    rs.getString(7), parameters(rs, 8), scored.getOrDefault(seq, List.of()),
                    skipped.getOrDefault(seq, List.of()), rs.getTimestamp(10).toInstant(), rs.getTimestamp(11).toInstant());
        }, source);
    }

    @QueryHandler
    List<ForecastSourceView> handle(FindForecastSources query) {
        return jdbc.query(SOURCE_SELECT + " ORDER BY source_id", (rs, n) -> source(rs));
    }

    @QueryHandler
    ForecastSourceView handle(FindForecastSource query) {
        return jdbc.query(SOURCE_SELECT + " WHERE source_id = ?", (rs, n) -> source(rs), query.sourceId().value())
                .stream().findFirst().orElse(null);
    }

    private static final String SOURCE_SELECT = """
            SELECT source_id, kind, model, parameter_names, parameter_values, horizon_steps, last_trained_at,
                   last_issued_at, selections, forecasts FROM forecast_source""";

    private static ForecastSourceView source(ResultSet rs) throws SQLException {
        Timestamp issued = rs.getTimestamp(8);
        return new ForecastSourceView(ForecastSourceId.of(rs.getString(1)), ForecastSourceKind.valueOf(rs.getString(2)),
                rs.getString(3), parameters(rs, 4), rs.getInt(6), rs.getTimestamp(7).toInstant(),
                issued == null ? null : issued.toInstant(), rs.getInt(9), rs.getInt(10));
    }

    /**
     * Adds the actuals of a device forecast: the mean of the readings in each slot, and the MAE over the slots
     * that have readings. Prices have no actuals in this read model yet.
     */
    private ForecastView withActuals(ForecastView view) {
        if (!view.kind().isDevice()) return view;
        Instant origin = view.origin();
        Duration step = view.step();
        int steps = view.values().size();
        Double[] actuals = new Double[steps];
        jdbc.query("""
                SELECT floor(extract(epoch FROM (at - ?)) / ?)::int AS slot, avg(power_mw)
                FROM telemetry_reading WHERE asset_id = ? AND at >= ? AND at < ? GROUP BY 1""", rs -> {
            int slot = rs.getInt(1);
            if (slot >= 0 && slot < steps) actuals[slot] = rs.getDouble(2);
        }, ts(origin), step.toSeconds(), view.sourceId().subject(), ts(origin), ts(origin.plus(step.multipliedBy(steps))));
        double[] values = view.values().stream().mapToDouble(ForecastSlot::value).toArray();
        double sum = 0;
        int known = 0;
        for (int i = 0; i < steps; i++) {
            if (actuals[i] != null) {
                sum += Math.abs(values[i] - actuals[i]);
                known++;
            }
        }
        return new ForecastView(view.forecastId(), view.sourceId(), view.kind(), view.issuedAt(), origin, step,
                view.horizonSteps(), view.model(), view.parameters(), slots(origin, step, values, actuals),
                known == 0 ? null : sum / known, known);
    }

    private static List<ForecastSlot> slots(Instant origin, Duration step, double[] values, Double[] actuals) {
        List<ForecastSlot> slots = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            slots.add(new ForecastSlot(origin.plus(step.multipliedBy(i)), values[i], actuals == null ? null : actuals[i]));
        }
        return slots;
    }

    private static double[] doubles(Array array) throws SQLException {
        Object[] raw = (Object[]) array.getArray();
        double[] values = new double[raw.length];
        for (int i = 0; i < raw.length; i++) values[i] = ((Number) raw[i]).doubleValue();
        return values;
    }

    private static Map<String, String> parameters(ResultSet rs, int namesColumn) throws SQLException {
        String[] names = (String[]) rs.getArray(namesColumn).getArray();
        String[] values = (String[]) rs.getArray(namesColumn + 1).getArray();
        Map<String, String> parameters = new TreeMap<>();
        for (int i = 0; i < names.length; i++) parameters.put(names[i], values[i]);
        return parameters;
    }

    private interface ArrayUpdate {
        int run(String[] names, String[] values);
    }

    /** Parameters as two parallel text arrays, sorted by name. */
    private static int withArrays(Map<String, String> parameters, ArrayUpdate update) {
        Map<String, String> sorted = new TreeMap<>(parameters);
        return update.run(sorted.keySet().toArray(String[]::new), sorted.values().toArray(String[]::new));
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
