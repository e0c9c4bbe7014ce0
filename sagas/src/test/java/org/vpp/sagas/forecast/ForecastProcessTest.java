package org.vpp.sagas.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.Test;
import org.vpp.kernel.TimeSeries;
import org.vpp.messages.fleet.AssetPage;
import org.vpp.messages.fleet.FindAssets;
import org.vpp.messages.forecast.FindForecastSource;
import org.vpp.messages.forecast.ForecastId;
import org.vpp.messages.forecast.ForecastSourceId;
import org.vpp.messages.forecast.ForecastSourceView;
import org.vpp.messages.forecast.RecordForecastIssued;
import org.vpp.messages.forecast.RecordModelSelection;
import org.vpp.sagas.clock.ProcessDriver;
import org.vpp.sagas.port.ForecastValues;
import org.vpp.sagas.port.PriceHistory;
import org.vpp.sagas.support.RecordingCommandBus;
import org.vpp.sagas.support.SteppingClock;

/**
 * The forecasting process on the stepped application clock, with a fleet of no devices and one price zone: it trains
 * when train-every has passed, infers when infer-every has, and nothing in between; after stop it starts nothing.
 */
class ForecastProcessTest {

    static final Instant START = Instant.parse("2026-06-15T17:30:00Z");
    static final ForecastSourceId PRICE = ForecastSourceId.of("price:DE-LU");

    final SteppingClock clock = new SteppingClock(START);
    final RecordingCommandBus commands = new RecordingCommandBus().accepting(RecordModelSelection.class)
            .accepting(RecordForecastIssued.class).accepting(org.vpp.messages.forecast.RecordForecastEvaluation.class);
    final Map<ForecastId, double[]> stored = new ConcurrentHashMap<>();
    final ForecastValues values = (id, source, origin, step, v, band, issuedAt) -> stored.putIfAbsent(id, v) == null;

    /** Prices with a daily shape (a peak at 19:00 UTC): any period a test asks for. */
    static final PriceHistory PRICES = (zone, from, to) -> {
        int n = Math.toIntExact(Duration.between(from, to).toMinutes() / 15);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            long quarter = from.plus(Duration.ofMinutes(15L * i)).getEpochSecond() / 900 % 96;
            v[i] = 60 + 30 * Math.cos(2 * Math.PI * (quarter - 76) / 96.0);
        }
        return new TimeSeries(from, Duration.ofMinutes(15), v);
    };

    static QueryGateway noDevicesAndNoRecordedSelection() {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        bus.subscribe(FindAssets.class.getName(), AssetPage.class, q -> new AssetPage(List.of(), false, 0));
        bus.subscribe(FindForecastSource.class.getName(), ForecastSourceView.class, q -> null);
        bus.subscribe(org.vpp.messages.forecast.FindForecastToEvaluate.class.getName(),
                org.vpp.messages.forecast.ForecastView.class, q -> null);
        return DefaultQueryGateway.builder().queryBus(bus).build();
    }

    ForecastProcess process(boolean enabled) {
        ForecastSettings settings = new ForecastSettings(enabled, Duration.ofHours(1), Duration.ofMinutes(5), 96,
                Duration.ofDays(7), 3, Duration.ofMillis(200), 1, ZoneId.of("Europe/Berlin"), List.of("DE-LU"), 42L, 51.0, 10.0,
                Duration.ofHours(1), 96);
        QueryGateway queries = noDevicesAndNoRecordedSelection();
        return new ForecastProcess(new ForecastSources(queries, settings), (device, from, to, step) -> java.util.Optional.empty(),
                PRICES, values, commands.gateway(), queries, clock, settings);
    }

    @Test
    void trainsEveryHourAndForecastsEveryFiveMinutesOfTheApplicationClock() {
        ProcessDriver driver = new ProcessDriver(clock, List.of(process(true)));

        driver.runDue().join();
        assertThat(commands.sent(RecordModelSelection.class)).singleElement()
                .satisfies(s -> assertThat(s.trainedAt()).isEqualTo(START));
        assertThat(commands.sent(RecordForecastIssued.class)).singleElement()
                .satisfies(f -> assertThat(f.issuedAt()).isEqualTo(START));

        clock.step(Duration.ofMinutes(4));
        driver.runDue().join();
        assertThat(commands.sent(RecordForecastIssued.class)).as("4 minutes later: nothing due").hasSize(1);

        clock.step(Duration.ofMinutes(1));
        driver.runDue().join();
        assertThat(commands.sent(RecordForecastIssued.class)).as("5 minutes later: a forecast").hasSize(2);
        assertThat(commands.sent(RecordModelSelection.class)).as("but no training").hasSize(1);

        clock.step(Duration.ofMinutes(55));
        driver.runDue().join();
        assertThat(commands.sent(RecordModelSelection.class)).as("an hour after the first training").hasSize(2);
        assertThat(stored).hasSize(3).allSatisfy((id, v) -> assertThat(v).hasSize(96));
        driver.stop(Duration.ofSeconds(30));
    }

    @Test
    void aDisabledProcessDoesNothingOnTheClock() {
        ProcessDriver driver = new ProcessDriver(clock, List.of(process(false)));
        driver.runDue().join();
        clock.step(Duration.ofHours(2));
        driver.runDue().join();
        assertThat(commands.sent(Object.class)).isEmpty();
        driver.stop(Duration.ofSeconds(30));
    }

    @Test
    void afterStopEverySourceIsSkippedAndNothingIsRecorded() {
        ForecastProcess process = process(true);
        process.stopAccepting();

        ForecastRun run = process.trainNow();

        assertThat(run.of(PRICE).status()).isEqualTo(ForecastRun.Status.SKIPPED);
        assertThat(run.of(PRICE).detail()).isEqualTo("stopping");
        assertThat(commands.sent(Object.class)).isEmpty();
    }

    /**
     * A price forecast whose day has passed is scored against the price history: its MAE over the day, its band's
     * coverage, and the cross-validated MAE it was selected on, recorded side by side.
     */
    @Test
    void aForecastWhoseHorizonPassedIsScoredAgainstWhatHappened() {
        Instant origin = START.minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        double[] actual = PRICES.prices("DE-LU", origin, origin.plus(Duration.ofDays(1))).values();
        List<org.vpp.messages.forecast.ForecastSlot> slots = new java.util.ArrayList<>();
        for (int k = 0; k < 96; k++) {
            // Forecast 2 EUR/MWh high; the band [value - 3, value + 1] holds the actual in the first half of the day only.
            double value = actual[k] + 2;
            double p10 = k < 48 ? value - 3 : value - 1.5;
            slots.add(new org.vpp.messages.forecast.ForecastSlot(origin.plus(Duration.ofMinutes(15L * k)), value, p10,
                    value, value + 1, null));
        }
        var view = new org.vpp.messages.forecast.ForecastView(ForecastId.of(PRICE, origin), PRICE,
                org.vpp.messages.forecast.ForecastSourceKind.PRICE, origin, origin, Duration.ofMinutes(15), 96,
                "seasonal-naive", java.util.Map.of("season", "DAILY"), slots, null, 0, null, 1.7);
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        bus.subscribe(FindAssets.class.getName(), AssetPage.class, q -> new AssetPage(List.of(), false, 0));
        bus.subscribe(org.vpp.messages.forecast.FindForecastToEvaluate.class.getName(),
                org.vpp.messages.forecast.ForecastView.class, q -> view);
        QueryGateway queries = DefaultQueryGateway.builder().queryBus(bus).build();
        ForecastSettings settings = ForecastSettings.defaults();
        ForecastProcess process = new ForecastProcess(new ForecastSources(queries, settings),
                (device, from, to, step) -> java.util.Optional.empty(), PRICES, values, commands.gateway(), queries,
                clock, settings);

        ForecastRun run = process.evaluateNow();

        assertThat(run.of(PRICE).status()).as(run.of(PRICE).detail()).isEqualTo(ForecastRun.Status.DONE);
        assertThat(commands.sent(org.vpp.messages.forecast.RecordForecastEvaluation.class)).singleElement().satisfies(e -> {
            assertThat(e.forecastId()).isEqualTo(ForecastId.of(PRICE, origin));
            assertThat(e.realisedMae()).isCloseTo(2.0, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(e.actualSteps()).isEqualTo(96);
            assertThat(e.coverage()).isEqualTo(0.5);
            assertThat(e.cvMae()).isEqualTo(1.7);
            assertThat(e.evaluatedAt()).isEqualTo(START);
        });
    }

    /** A source that could not be trained (too little history) is tried again within the hour, not a day later. */
    @Test
    void aSourceWithoutAModelIsTriedAgainWithinTheHourNotADayLater() {
        Instant firstPrice = START.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(30));
        PriceHistory young = new PriceHistory() {
            @Override
            public TimeSeries prices(String zone, Instant from, Instant to) {
                return PRICES.prices(zone, from, to);
            }

            @Override
            public java.util.Optional<Instant> coveredFrom() {
                return java.util.Optional.of(firstPrice);
            }
        };
        ForecastSettings daily = new ForecastSettings(true, Duration.ofDays(1), Duration.ofMinutes(5), 96,
                Duration.ofDays(7), 3, Duration.ofMillis(200), 1, ZoneId.of("Europe/Berlin"), List.of("DE-LU"), 42L, 51.0,
                10.0, Duration.ofHours(1), 96);
        QueryGateway queries = noDevicesAndNoRecordedSelection();
        ForecastProcess process = new ForecastProcess(new ForecastSources(queries, daily),
                (device, from, to, step) -> java.util.Optional.empty(), young, values, commands.gateway(), queries, clock,
                daily);

        process.runDue();
        assertThat(commands.sent(RecordModelSelection.class)).as("two days and 23.5 hours of prices: too few").isEmpty();

        clock.step(Duration.ofHours(1));
        process.runDue();
        assertThat(commands.sent(RecordModelSelection.class)).as("an hour later, three days: trained, a day early")
                .singleElement().satisfies(s -> assertThat(s.trainedAt()).isEqualTo(START.plus(Duration.ofHours(1))));

        clock.step(Duration.ofHours(1));
        process.runDue();
        assertThat(commands.sent(RecordModelSelection.class)).as("then not again before a day").hasSize(1);
    }

    /**
     * A device's forecast reaches the end of the delivery day from the morning before: PV, wind and loads are trained
     * and forecast for {@code device-horizon-steps} (192 by default), prices for {@code horizon-steps} (96).
     */
    @Test
    void devicesAreTrainedAndForecastForTheirOwnLongerHorizonAndPricesForTheirs() {
        var wind = new org.vpp.messages.fleet.AssetView(org.vpp.messages.asset.AssetId.of("wind-1"),
                org.vpp.kernel.AssetKind.WIND, "wind-1", org.vpp.messages.asset.AssetId.of("site-1"),
                org.vpp.messages.asset.AssetStatus.ONLINE, org.vpp.messages.asset.StatusOrigin.OPERATOR, null, null,
                org.vpp.kernel.TechnicalLimits.power(0, 3, null), START, START, 0, null);
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        bus.subscribe(FindAssets.class.getName(), AssetPage.class, q -> new AssetPage(List.of(wind), false, 1));
        bus.subscribe(FindForecastSource.class.getName(), ForecastSourceView.class, q -> null);
        QueryGateway queries = DefaultQueryGateway.builder().queryBus(bus).build();
        // Eight days of a wind park turning with the day: enough for two folds of 192 quarter-hours.
        org.vpp.sagas.port.MeterHistory meters = (device, from, to, step) -> {
            int n = Math.toIntExact(Duration.between(from, to).dividedBy(step));
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = 1.5 + Math.sin(2 * Math.PI * (i % 96) / 96.0);
            return java.util.Optional.of(new org.vpp.sagas.port.MeterHistory.Slots(new TimeSeries(from, step, v), 0));
        };
        ForecastSettings settings = new ForecastSettings(true, Duration.ofHours(1), Duration.ofMinutes(5), 96,
                Duration.ofDays(8), 3, Duration.ofMillis(200), 1, ZoneId.of("Europe/Berlin"), List.of("DE-LU"), 42L, 51.0,
                10.0, Duration.ofHours(1), null);
        ForecastProcess process = new ForecastProcess(new ForecastSources(queries, settings), meters, PRICES, values,
                commands.gateway(), queries, clock, settings);
        ForecastSourceId windSource = ForecastSourceId.of(org.vpp.messages.forecast.ForecastSourceKind.WIND, "wind-1");

        ForecastRun training = process.trainNow();
        ForecastRun inference = process.inferNow();

        assertThat(training.of(windSource).status()).as(training.of(windSource).detail()).isEqualTo(ForecastRun.Status.DONE);
        assertThat(inference.of(windSource).status()).as(inference.of(windSource).detail()).isEqualTo(ForecastRun.Status.DONE);
        assertThat(commands.sent(RecordModelSelection.class)).extracting(RecordModelSelection::sourceId,
                RecordModelSelection::horizonSteps).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(windSource, 192), org.assertj.core.groups.Tuple.tuple(PRICE, 96));
        assertThat(commands.sent(RecordForecastIssued.class)).extracting(RecordForecastIssued::sourceId,
                RecordForecastIssued::horizonSteps).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(windSource, 192), org.assertj.core.groups.Tuple.tuple(PRICE, 96));
        assertThat(stored).allSatisfy((id, v) -> assertThat(v).hasSize(id.value().startsWith("price") ? 96 : 192));
        process.stopAccepting();
    }
}
