package org.vpp.sagas.forecast;

import org.vpp.messages.forecast.ForecastSourceKind;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * Settings of the forecasting process (bound from {@code vpp.forecast.*} by the application); every one has a default
 * here, so none needs to be configured. Intervals are measured on the application clock.
 *
 * @param enabled        whether the process trains and infers when the clock says so (trainNow/inferNow work regardless)
 * @param trainEvery     clock time between training runs
 * @param inferEvery     clock time between inference runs
 * @param horizonSteps   quarter-hours forecast ahead (and validated in training)
 * @param history        how much history training and inference read
 * @param cvFolds        the most rolling-origin folds (daily origins for a day-ahead horizon) in training; fewer while
 *                       the history is short, down to {@link #MIN_FOLDS}; half of them, at most a week, are held back to select
 * @param searchBudget   time (real, System.nanoTime) allowed per source for trying candidates beyond the first
 * @param threads        worker threads; training and inference of the sources run in parallel on them
 * @param timeZone       local calendar of loads and prices
 * @param zones          market zones with a price source
 * @param priceSeed      seed of the simulated price history
 * @param priceLatitude  where the simulated price history's weather is drawn
 * @param priceLongitude idem
 * @param evaluateEvery  how far apart (issue time) the forecasts are that get evaluated against their actuals once
 *                       their horizon has passed: a sample, not every five-minute forecast
 * @param deviceHorizonSteps quarter-hours forecast ahead (and validated) for PV, wind and load devices; prices keep
 *                       {@code horizonSteps}. A day-ahead cycle opens the morning before delivery, so a device forecast
 *                       must reach up to about 40 hours ahead to cover the whole delivery day; one that ends earlier is
 *                       continued from a day before, at lead times its selection never judged (with 96 steps, the
 *                       selected wind models were 2.3 times worse than seasonal naive on the delivery day)
 */
public record ForecastSettings(Boolean enabled, Duration trainEvery, Duration inferEvery,
                                 Integer horizonSteps, Duration history, Integer cvFolds, Duration searchBudget,
                                 Integer threads, ZoneId timeZone, List<String> zones, Long priceSeed,
                                 Double priceLatitude, Double priceLongitude, Duration evaluateEvery,
                                 Integer deviceHorizonSteps) {

    public static final Duration STEP = Duration.ofMinutes(15);
    /** Fewer folds than this and there is nothing to hold back: one tunes, one selects. */
    public static final int MIN_FOLDS = 2;
    /** Days of history the first fold trains on when there is enough: a weekly lag plus a week of rows. */
    public static final int FIRST_FOLD_DAYS = 14;

    public ForecastSettings {
        enabled = enabled == null || enabled;
        trainEvery = positive(trainEvery, Duration.ofHours(1), "train-every");
        inferEvery = positive(inferEvery, Duration.ofMinutes(5), "infer-every");
        horizonSteps = atLeastOne(horizonSteps, 96, "horizon-steps");
        history = positive(history, Duration.ofHours(168), "history");
        cvFolds = atLeastOne(cvFolds, 14, "cv-folds");
        if (cvFolds < MIN_FOLDS) throw new IllegalArgumentException("vpp.forecast.cv-folds must be at least " + MIN_FOLDS);
        searchBudget = searchBudget == null ? Duration.ofSeconds(5) : searchBudget;
        threads = atLeastOne(threads, 1, "threads");
        timeZone = timeZone == null ? ZoneId.of("Europe/Berlin") : timeZone;
        zones = zones == null ? List.of("DE-LU") : List.copyOf(zones);
        priceSeed = priceSeed == null ? 42L : priceSeed;
        priceLatitude = priceLatitude == null ? 51.0 : priceLatitude;
        priceLongitude = priceLongitude == null ? 10.0 : priceLongitude;
        evaluateEvery = positive(evaluateEvery, Duration.ofHours(1), "evaluate-every");
        deviceHorizonSteps = atLeastOne(deviceHorizonSteps, 192, "device-horizon-steps");
        if (history.toSeconds() % STEP.toSeconds() != 0) {
            throw new IllegalArgumentException("vpp.forecast.history must be a whole number of quarter-hours: " + history);
        }
    }

    /** Every default. */
    public static ForecastSettings defaults() {
        return new ForecastSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The horizon a source of this kind is trained and forecast for: prices {@code horizonSteps}, devices theirs. */
    public int horizonFor(ForecastSourceKind kind) {
        return kind == ForecastSourceKind.PRICE ? horizonSteps : deviceHorizonSteps;
    }

    /** Values needed for training: the fewest folds plus one day, the shortest season every baseline needs. */
    public int minimumHistorySteps(int horizon) {
        return MIN_FOLDS * horizon + stepsPerDay();
    }

    /**
     * As many folds as {@code historySteps} allow once the first fold keeps {@link #FIRST_FOLD_DAYS} days to learn
     * from, up to {@link #cvFolds()}, at least {@link #MIN_FOLDS}: more folds on a short history would leave the
     * first ones too little to fit a model with weekly lags, and selection would never see those models.
     */
    public int foldsFor(int historySteps, int horizon) {
        return Math.max(MIN_FOLDS, Math.min(cvFolds, (historySteps - FIRST_FOLD_DAYS * stepsPerDay()) / horizon));
    }

    private static int stepsPerDay() {
        return Math.toIntExact(Duration.ofDays(1).toSeconds() / STEP.toSeconds());
    }

    private static Duration positive(Duration value, Duration otherwise, String name) {
        if (value == null) return otherwise;
        if (value.isNegative() || value.isZero()) throw new IllegalArgumentException("vpp.forecast." + name + " must be positive");
        return value;
    }

    private static Integer atLeastOne(Integer value, int otherwise, String name) {
        if (value == null) return otherwise;
        if (value < 1) throw new IllegalArgumentException("vpp.forecast." + name + " must be at least 1, was " + value);
        return value;
    }
}
