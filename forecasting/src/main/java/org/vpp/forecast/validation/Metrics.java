package org.vpp.forecast.validation;

/** Forecast error measures as plain functions (Hyndman and Koehler, 2006). */
public final class Metrics {

    private Metrics() {
    }

    public static double mae(double[] actual, double[] forecast) {
        requireSameLength(actual, forecast);
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            sum += Math.abs(actual[i] - forecast[i]);
        }
        return sum / actual.length;
    }

    public static double rmse(double[] actual, double[] forecast) {
        requireSameLength(actual, forecast);
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double error = actual[i] - forecast[i];
            sum += error * error;
        }
        return Math.sqrt(sum / actual.length);
    }

    /**
     * MAE scaled by the in-sample MAE of the seasonal naive forecast on {@code training}, so that 1 means "as
     * good as repeating the last season" whatever the unit of the series. A perfectly periodic training series
     * has no naive error: then an exact forecast scores 0 and any other +infinity.
     */
    public static double mase(double[] actual, double[] forecast, double[] training, int seasonLength) {
        double scale = seasonalNaiveInSampleMae(training, seasonLength);
        double mae = mae(actual, forecast);
        if (scale == 0) {
            return mae == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return mae / scale;
    }

    public static double seasonalNaiveInSampleMae(double[] training, int seasonLength) {
        if (seasonLength < 1 || training.length <= seasonLength) {
            throw new IllegalArgumentException("MASE needs more than one season of training data ("
                    + seasonLength + " steps), got " + training.length);
        }
        double sum = 0;
        for (int t = seasonLength; t < training.length; t++) {
            sum += Math.abs(training[t] - training[t - seasonLength]);
        }
        return sum / (training.length - seasonLength);
    }

    private static void requireSameLength(double[] actual, double[] forecast) {
        if (actual.length != forecast.length || actual.length == 0) {
            throw new IllegalArgumentException("actual and forecast must have the same non-zero length, were "
                    + actual.length + " and " + forecast.length);
        }
    }
}
