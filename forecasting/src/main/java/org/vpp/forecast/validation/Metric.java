package org.vpp.forecast.validation;

/** An error measure; lower is better for all of them. */
public enum Metric {
    MAE,
    RMSE,
    /** Mean absolute scaled error: MAE divided by the in-sample MAE of the seasonal naive forecast. */
    MASE;

    public double of(Scores scores) {
        return switch (this) {
            case MAE -> scores.mae();
            case RMSE -> scores.rmse();
            case MASE -> scores.mase();
        };
    }
}
