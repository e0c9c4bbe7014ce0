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
import java.util.TreeMap;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.messages.forecast.CandidateMetrics;
import org.vpp.messages.forecast.CrossValidationSummary;
import org.vpp.messages.forecast.FindForecastEvaluations;
import org.vpp.messages.forecast.FindForecastToEvaluate;
import org.vpp.messages.forecast.ForecastAccuracy;
import org.vpp.messages.forecast.ForecastEvaluated;
import org.vpp.messages.forecast.ForecastEvaluationView;
import org.vpp.messages.forecast.QuantileOffsets;
import org.vpp.messages.forecast.FindForecast;
import org.vpp.messages.forecast.FindForecastModels;
import org.vpp.messages.forecast.FindForecastSource;
import org.vpp.messages.forecast.FindForecastSources;
import org.vpp.messages.forecast.ForecastSourcePage;
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
    /** The read model's tables, parents before the tables that refer to them (a rebuild copies them in this order). */
    public static final List<String> TABLES = List.of("forecast_source", "forecast_selection", "forecast_candidate", "forecast_issued");

    private final JdbcTemplate jdbc;
    private final QueryUpdateEmitter emitter;

    public ForecastProjection(JdbcTemplate jdbc, QueryUpdateEmitter emitter) {
        this.jdbc = jdbc;
        this.emitter = emitter;
    }

    @EventHandler
    void on(ForecastModelSelected e, @SequenceNumber long seq) {
        String source = e.sourceId().value();
        CrossValidationSummary v = e.validation();
        QuantileOffsets q = e.quantiles();
        Map<String, String> baseline = v == null ? Map.of() : new TreeMap<>(v.baselineParameters());
        int inserted = withArrays(e.parameters(), (names, values) -> jdbc.update("""
                INSERT INTO forecast_selection (source_id, seq, kind, trained_at, horizon_steps, step_seconds, metric,
                    model, parameter_names, parameter_values, history_start, history_end, folds, selection_folds,
                    selected_cv_mae, selected_cv_mase, baseline_model, baseline_parameter_names,
                    baseline_parameter_values, baseline_cv_mae, baseline_cv_mase, tuning_gain_percent,
                    quantile_bucket_steps, quantile_p10, quantile_p50, quantile_p90)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (source_id, seq) DO NOTHING""",
                source, seq, e.kind().name(), ts(e.trainedAt()), e.horizonSteps(), e.step().toSeconds(), e.metric(),
                e.model(), names, values, ts(e.historyStart()), ts(e.historyEnd()),
                v == null ? null : v.folds(), v == null ? null : v.selectionFolds(),
                v == null ? null : v.selectedMae(), v == null ? null : v.selectedMase(),
                v == null ? null : v.baselineModel(), baseline.keySet().toArray(String[]::new),
                baseline.values().toArray(String[]::new), v == null ? null : v.baselineMae(),
                v == null ? null : v.baselineMase(), v == null ? null : v.tuningGainPercent(),
                q == null ? null : q.bucketSteps(), q == null ? null : q.p10().toArray(Double[]::new),
                q == null ? null : q.p50().toArray(Double[]::new), q == null ? null : q.p90().toArray(Double[]::new)));
        if (inserted == 0) return;
        int ordinal = 0;
        for (CandidateMetrics c : e.candidates()) {
            int o = ordinal++;
            withArrays(c.parameters(), (names, values) -> jdbc.update("""
                    INSERT INTO forecast_candidate (source_id, seq, ordinal, model, parameter_names, parameter_values,
                        mae, rmse, mase, folds, cv_window) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    source, seq, o, c.model(), names, values, c.mae(), c.rmse(), c.mase(), c.folds(), c.window()));
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
                    last_trained_at, selections, forecasts, version, selection_seq, cv_mae)
                VALUES (?, ?, ?, ?, ?, ?, ?, 1, 0, ?, ?, ?)
                ON CONFLICT (source_id) DO UPDATE SET model = EXCLUDED.model, parameter_names = EXCLUDED.parameter_names,
                    parameter_values = EXCLUDED.parameter_values, horizon_steps = EXCLUDED.horizon_steps,
                    last_trained_at = EXCLUDED.last_trained_at, selections = s.selections + 1, version = EXCLUDED.version,
                    selection_seq = EXCLUDED.selection_seq, cv_mae = EXCLUDED.cv_mae
                WHERE s.version < EXCLUDED.version""",
                source, e.kind().name(), e.model(), names, values, e.horizonSteps(), ts(e.trainedAt()), seq, seq,
                v == null ? null : v.selectedMae()));
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
        // To subscribers of the source's latest forecast and of all sources' (sent once the transaction commits).
        ForecastView view = handle(new FindForecast(e.sourceId(), e.issuedAt()));
        if (view != null) {
            emitter.emit(FindForecast.class, q -> q.sourceId().equals(e.sourceId()) && q.issuedAt() == null, view);
            emitter.emit(FindForecastSources.class, q -> true, view);
        }
    }

    @EventHandler
    void on(ForecastEvaluated e) {
        // Keyed by forecast id and guarded by evaluated_at: a redelivered event changes nothing.
        jdbc.update("""
                UPDATE forecast_issued SET evaluated_at = ?, realised_mae = ?, actual_steps = ?, coverage = ?, cv_mae = ?
                WHERE forecast_id = ? AND evaluated_at IS NULL""", ts(e.evaluatedAt()), e.realisedMae(), e.actualSteps(),
                e.coverage(), e.cvMae(), e.forecastId().value());
    }

    @ResetHandler
    void reset() {
        // forecast_values is not derived from events: the events only refer to it.
        jdbc.update("TRUNCATE " + String.join(", ", TABLES));
    }

    /** An issued forecast with its values, band and the MAE its model's held-back folds promised. */
    private static final String FORECAST_SELECT = """
            SELECT i.forecast_id, i.source_id, i.kind, i.issued_at, i.origin, i.step_seconds, i.horizon_steps,
                   i.model, i.parameter_names, i.parameter_values, v.vals, v.p10, v.p50, v.p90,
                   coalesce(i.cv_mae, (SELECT s.selected_cv_mae FROM forecast_selection s
                                       WHERE s.source_id = i.source_id AND s.trained_at <= i.issued_at
                                       ORDER BY s.trained_at DESC, s.seq DESC LIMIT 1)) AS cv_mae
            FROM forecast_issued i JOIN forecast_values v ON v.forecast_id = i.forecast_id""";

    // Value or null, never Optional: an Optional does not survive serialisation across Axon Server.
    @QueryHandler
    ForecastView handle(FindForecast query) {
        List<Object> args = new ArrayList<>(List.of(query.sourceId().value()));
        String sql = FORECAST_SELECT + " WHERE i.source_id = ?";
        if (query.issuedAt() != null) {
            sql += " AND i.issued_at <= ?";
            args.add(ts(query.issuedAt()));
        }
        sql += " ORDER BY i.issued_at DESC LIMIT 1";
        return jdbc.query(sql, (rs, n) -> forecast(rs), args.toArray()).stream().findFirst()
                .map(this::withActuals).orElse(null);
    }

    @QueryHandler
    ForecastView handle(FindForecastToEvaluate query) {
        String source = query.sourceId().value();
        return jdbc.query(FORECAST_SELECT + "\n" + """
                 WHERE i.source_id = ? AND i.evaluated_at IS NULL
                   AND i.origin + i.step_seconds * i.horizon_steps * interval '1 second' > ?
                   AND i.origin + i.step_seconds * i.horizon_steps * interval '1 second' <= ?
                   AND i.issued_at >= coalesce((SELECT max(e.issued_at) FROM forecast_issued e
                                                WHERE e.source_id = ? AND e.evaluated_at IS NOT NULL)
                                               + ? * interval '1 second', '-infinity')
                 ORDER BY i.issued_at LIMIT 1""", (rs, n) -> forecast(rs), source, ts(query.horizonEndedAfter()),
                ts(query.horizonEndedBy()), source, query.spacing().toSeconds()).stream().findFirst()
                .map(this::withActuals).orElse(null);
    }

    @QueryHandler
    List<ForecastEvaluationView> handle(FindForecastEvaluations query) {
        return jdbc.query("""
                SELECT forecast_id, issued_at, evaluated_at, model, realised_mae, actual_steps, coverage, cv_mae
                FROM forecast_issued WHERE source_id = ? AND evaluated_at IS NOT NULL
                ORDER BY issued_at DESC LIMIT ?""", (rs, n) -> new ForecastEvaluationView(
                new ForecastId(rs.getString(1)), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(),
                rs.getString(4), rs.getDouble(5), rs.getInt(6), nullableDouble(rs, 7), nullableDouble(rs, 8)),
                query.sourceId().value(), Math.max(1, Math.min(query.limit(), FindForecastEvaluations.MAX_LIMIT)));
    }

    private static ForecastView forecast(ResultSet rs) throws SQLException {
        ForecastSourceId source = ForecastSourceId.of(rs.getString(2));
        Instant origin = rs.getTimestamp(5).toInstant();
        Duration step = Duration.ofSeconds(rs.getLong(6));
        double[] values = doubles(rs.getArray(11));
        double[][] band = rs.getArray(12) == null ? null
                : new double[][] {doubles(rs.getArray(12)), doubles(rs.getArray(13)), doubles(rs.getArray(14))};
        return new ForecastView(new ForecastId(rs.getString(1)), source, ForecastSourceKind.valueOf(rs.getString(3)),
                rs.getTimestamp(4).toInstant(), origin, step, rs.getInt(7), rs.getString(8), parameters(rs, 9),
                slots(origin, step, values, band, null), null, 0, null, nullableDouble(rs, 15));
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    @QueryHandler
    List<ModelSelectionView> handle(FindForecastModels query) {
        String source = query.sourceId().value();
        // Only the newest `last` selections, and only their candidates: the log grows by one selection a day.
        Long[] newest = jdbc.queryForList("SELECT seq FROM forecast_selection WHERE source_id = ? ORDER BY trained_at DESC, seq DESC LIMIT ?",
                Long.class, source, query.last()).toArray(Long[]::new);
        Map<Long, List<CandidateMetrics>> scored = new HashMap<>();
        Map<Long, List<SkippedModel>> skipped = new HashMap<>();
        jdbc.query("""
                SELECT seq, model, parameter_names, parameter_values, mae, rmse, mase, folds, skipped_reason, cv_window
                FROM forecast_candidate WHERE source_id = ? AND seq = ANY (?) ORDER BY seq, ordinal""", rs -> {
            long seq = rs.getLong(1);
            if (rs.getString(9) != null) {
                skipped.computeIfAbsent(seq, k -> new ArrayList<>())
                        .add(new SkippedModel(rs.getString(2), parameters(rs, 3), rs.getString(9)));
            } else {
                scored.computeIfAbsent(seq, k -> new ArrayList<>()).add(new CandidateMetrics(rs.getString(2),
                        parameters(rs, 3), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getInt(8),
                        rs.getString(10)));
            }
        }, source, newest);
        return jdbc.query("""
                SELECT seq, kind, trained_at, horizon_steps, step_seconds, metric, model, parameter_names,
                       parameter_values, history_start, history_end, folds, selection_folds, selected_cv_mae,
                       selected_cv_mase, baseline_model, baseline_parameter_names, baseline_parameter_values,
                       baseline_cv_mae, baseline_cv_mase, tuning_gain_percent
                FROM forecast_selection WHERE source_id = ? AND seq = ANY (?) ORDER BY trained_at DESC, seq DESC""", (rs, n) -> {
            long seq = rs.getLong(1);
            int folds = rs.getInt(12);
            CrossValidationSummary validation = rs.wasNull() ? null : new CrossValidationSummary(folds, rs.getInt(13),
                    rs.getDouble(14), rs.getDouble(15), rs.getString(16), parameters(rs, 17), rs.getDouble(19),
                    rs.getDouble(20), nullableDouble(rs, 21));
            return new ModelSelectionView(query.sourceId(), ForecastSourceKind.valueOf(rs.getString(2)),
                    rs.getTimestamp(3).toInstant(), rs.getInt(4), Duration.ofSeconds(rs.getLong(5)), rs.getString(6),
                    rs.getString(7), parameters(rs, 8), scored.getOrDefault(seq, List.of()),
                    skipped.getOrDefault(seq, List.of()), rs.getTimestamp(10).toInstant(), rs.getTimestamp(11).toInstant(),
                    validation);
        }, source, newest);
    }

    @QueryHandler
    ForecastSourcePage handle(FindForecastSources query) {
        List<Object> args = new ArrayList<>();
        String where = " WHERE TRUE";
        if (query.kind() != null) {
            where += " AND f.kind = ?";
            args.add(query.kind().name());
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM forecast_source f" + where, Long.class, args.toArray());
        if (query.after() != null) {
            where += " AND f.source_id > ?";
            args.add(query.after().value());
        }
        args.add(query.first() + 1);
        List<ForecastSourceView> items = jdbc.query(SOURCE_SELECT + where + " ORDER BY f.source_id LIMIT ?",
                (rs, n) -> source(rs), args.toArray());
        boolean more = items.size() > query.first();
        return new ForecastSourcePage(more ? items.subList(0, query.first()) : items, more, total == null ? 0 : total);
    }

    @QueryHandler
    ForecastSourceView handle(FindForecastSource query) {
        return jdbc.query(SOURCE_SELECT + " WHERE f.source_id = ?", (rs, n) -> source(rs), query.sourceId().value())
                .stream().findFirst().orElse(null);
    }

    /** How many of the latest evaluations a source's realised error averages. */
    static final int REALISED_WINDOW = 30;

    private static final String SOURCE_SELECT = """
            SELECT f.source_id, f.kind, f.model, f.parameter_names, f.parameter_values, f.horizon_steps,
                   f.last_trained_at, f.last_issued_at, f.selections, f.forecasts, f.cv_mae,
                   r.realised_mae, r.coverage, (SELECT count(*) FROM forecast_issued c
                                                WHERE c.source_id = f.source_id AND c.evaluated_at IS NOT NULL),
                   s.quantile_bucket_steps, s.quantile_p10, s.quantile_p50, s.quantile_p90
            FROM forecast_source f
            LEFT JOIN forecast_selection s ON s.source_id = f.source_id AND s.seq = f.selection_seq
            LEFT JOIN LATERAL (SELECT avg(e.realised_mae) AS realised_mae, avg(e.coverage) AS coverage
                               FROM (SELECT realised_mae, coverage FROM forecast_issued
                                     WHERE source_id = f.source_id AND evaluated_at IS NOT NULL
                                     ORDER BY issued_at DESC LIMIT %d) e) r ON true""".formatted(REALISED_WINDOW);

    private static ForecastSourceView source(ResultSet rs) throws SQLException {
        Timestamp issued = rs.getTimestamp(8);
        int bucketSteps = rs.getInt(15);
        QuantileOffsets quantiles = rs.wasNull() ? null : new QuantileOffsets(bucketSteps,
                boxed(doubles(rs.getArray(16))), boxed(doubles(rs.getArray(17))), boxed(doubles(rs.getArray(18))));
        return new ForecastSourceView(ForecastSourceId.of(rs.getString(1)), ForecastSourceKind.valueOf(rs.getString(2)),
                rs.getString(3), parameters(rs, 4), rs.getInt(6), rs.getTimestamp(7).toInstant(),
                issued == null ? null : issued.toInstant(), rs.getInt(9), rs.getInt(10), nullableDouble(rs, 11),
                nullableDouble(rs, 12), nullableDouble(rs, 13), rs.getInt(14), quantiles);
    }

    private static List<Double> boxed(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    /**
     * Adds the actuals of a device forecast: the mean of the readings in each slot, the MAE over the slots that
     * have readings and the band's coverage of them. Prices have no actuals in this read model: the forecasting
     * process evaluates them from the price history and records the result.
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
        List<ForecastSlot> slots = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            ForecastSlot slot = view.values().get(i);
            slots.add(new ForecastSlot(slot.start(), slot.value(), slot.p10(), slot.p50(), slot.p90(), actuals[i]));
        }
        ForecastAccuracy accuracy = ForecastAccuracy.of(slots, actuals);
        return new ForecastView(view.forecastId(), view.sourceId(), view.kind(), view.issuedAt(), origin, step,
                view.horizonSteps(), view.model(), view.parameters(), slots, accuracy.mae(), accuracy.steps(),
                accuracy.coverage(), view.cvMae());
    }

    private static List<ForecastSlot> slots(Instant origin, Duration step, double[] values, double[][] band,
                                            Double[] actuals) {
        List<ForecastSlot> slots = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            boolean banded = band != null && i < band[0].length;
            slots.add(new ForecastSlot(origin.plus(step.multipliedBy(i)), values[i], banded ? band[0][i] : null,
                    banded ? band[1][i] : null, banded ? band[2][i] : null, actuals == null ? null : actuals[i]));
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
