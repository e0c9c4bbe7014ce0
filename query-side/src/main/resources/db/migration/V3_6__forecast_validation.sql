-- Honest validation (issue 12): which cross-validation window scored a candidate, what the held-back folds
-- promised for the selected model and its baseline, the residual quantiles that give P10/P50/P90, the band of
-- each forecast, and how each evaluated forecast turned out. All derived from events (reset with their tables)
-- except the bands in forecast_values, which the application writes beside the values.

-- TUNING (every candidate) or SELECTION (the finalists, on the held-back folds); null before issue 12.
ALTER TABLE forecast_candidate ADD COLUMN cv_window VARCHAR(9);

ALTER TABLE forecast_selection
    ADD COLUMN folds                     INTEGER,
    ADD COLUMN selection_folds           INTEGER,
    ADD COLUMN selected_cv_mae           DOUBLE PRECISION,
    ADD COLUMN selected_cv_mase          DOUBLE PRECISION,
    ADD COLUMN baseline_model            VARCHAR(64),
    ADD COLUMN baseline_parameter_names  TEXT[],
    ADD COLUMN baseline_parameter_values TEXT[],
    ADD COLUMN baseline_cv_mae           DOUBLE PRECISION,
    ADD COLUMN baseline_cv_mase          DOUBLE PRECISION,
    ADD COLUMN tuning_gain_percent       DOUBLE PRECISION,
    ADD COLUMN quantile_bucket_steps     INTEGER,
    ADD COLUMN quantile_p10              DOUBLE PRECISION[],
    ADD COLUMN quantile_p50              DOUBLE PRECISION[],
    ADD COLUMN quantile_p90              DOUBLE PRECISION[];

-- The selection in force (its row holds the quantiles) and the MAE its held-back folds promised.
ALTER TABLE forecast_source
    ADD COLUMN selection_seq BIGINT,
    ADD COLUMN cv_mae        DOUBLE PRECISION;

ALTER TABLE forecast_values
    ADD COLUMN p10 DOUBLE PRECISION[],
    ADD COLUMN p50 DOUBLE PRECISION[],
    ADD COLUMN p90 DOUBLE PRECISION[];

ALTER TABLE forecast_issued
    ADD COLUMN evaluated_at TIMESTAMPTZ,
    ADD COLUMN realised_mae DOUBLE PRECISION,
    ADD COLUMN actual_steps INTEGER,
    ADD COLUMN coverage     DOUBLE PRECISION,
    ADD COLUMN cv_mae       DOUBLE PRECISION;
CREATE INDEX forecast_issued_evaluated ON forecast_issued (source_id, issued_at DESC) WHERE evaluated_at IS NOT NULL;
