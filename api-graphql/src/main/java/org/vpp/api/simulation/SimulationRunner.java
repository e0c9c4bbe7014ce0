package org.vpp.api.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.vpp.api.dispatch.DeviceSetpointStore;
import org.vpp.simulator.demo.DemoWorld;
import org.vpp.sagas.forecast.ForecastSettings;
import org.vpp.sagas.port.PriceHistory;
import org.vpp.api.telemetry.TelemetryIngestion;
import org.vpp.simulator.clock.SimulationClock;
import org.vpp.simulator.demo.AssetSpec;
import org.vpp.simulator.demo.DemoFleet;
import org.vpp.simulator.twin.MeasurementNoise;
import org.vpp.simulator.twin.OutageModel;

/**
 * The main run's demo world: once the application is ready, registers the demo fleet (first start only), builds
 * the twins and the market on the application clock (batteries at the state of charge they last reported), and
 * steps them every {@code tick-every} of real time, following the setpoints the dispatches sent.
 */
@Component
@ConditionalOnProperty(name = "vpp.simulation.enabled", havingValue = "true")
public class SimulationRunner {

    private static final Logger log = LoggerFactory.getLogger(SimulationRunner.class);
    private static final Duration WARM_UP_STEP = Duration.ofMinutes(15);

    private final SimulationProperties properties;
    private final DemoFleetRegistration registration;
    private final TelemetryIngestion ingestion;
    private final InstantSource clock;
    private final TaskScheduler scheduler;
    private final PriceHistory prices;
    private final String marketZone;
    private final StoredHistory history;
    private final DeviceSetpointStore setpoints;

    public SimulationRunner(SimulationProperties properties, DemoFleetRegistration registration, TelemetryIngestion ingestion,
                            InstantSource clock, TaskScheduler scheduler, PriceHistory prices, ForecastSettings forecast,
                            StoredHistory history, DeviceSetpointStore setpoints) {
        this.history = history;
        this.setpoints = setpoints;
        this.prices = prices;
        this.marketZone = forecast.zones().getFirst();
        this.properties = properties;
        this.registration = registration;
        this.ingestion = ingestion;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    private static List<String> devices(List<AssetSpec> specs) {
        return specs.stream().filter(s -> !s.kind().isGroup()).map(AssetSpec::id).toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        List<AssetSpec> specs = DemoFleet.generate(properties.devices(), properties.seed());
        int registered = registration.registerIfAbsent(specs);
        SimulationClock simulationClock = SimulationClocks.of(clock, properties.zone());
        Instant now = clock.instant();
        var realSeries = DeviceSeriesFiles.load(properties.seriesDir(), properties.seriesFormat(), now);
        // A fleet brings its meter history along. The history resumes after the newest reading stored, so a start
        // that was killed during the warm-up completes it, and a known fleet adds only what it missed meanwhile.
        Instant warmUpStart = DeviceSeriesFiles.startWithin(realSeries, now.minus(properties.warmUp()).truncatedTo(ChronoUnit.HOURS));
        Instant from = history.newestReading(devices(specs)).filter(warmUpStart::isBefore).orElse(warmUpStart);
        Instant end = DeviceSeriesFiles.endWithin(realSeries, now.plus(properties.horizon()));
        Duration span = Duration.between(from, end);
        // Batteries resume from the state of charge they last reported (a first start: half-way).
        var world = DemoWorld.build(specs, simulationClock, from, span, properties.seed(),
                new OutageModel(properties.meanTimeToFailure(), properties.meanTimeToRepair()), MeasurementNoise.typical(),
                MarketPrices.from(prices, marketZone, from, span), realSeries, history.lastSoc(devices(specs)));
        var driver = new SimulationDriver(world, ingestion::ingest, properties.twinStep(), from, setpoints::effectiveBetween);
        if (from.isBefore(now)) {
            var caughtUp = driver.catchUp(now, WARM_UP_STEP);
            log.info("Demo world: {} of meter history from {} ingested ({} readings)", Duration.between(from, driver.steppedTo()),
                    from, caughtUp == null ? 0 : caughtUp.stored());
        }
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                driver.tick(clock.instant());
            } catch (RuntimeException e) {
                log.warn("Simulation step failed; retrying on the next tick", e);
            }
        }, properties.tickEvery());
        log.info("Demo world: {} assets ({} newly registered), {} twins, clock x{} at {}, market clearing day-ahead",
                specs.size(), registered, world.twins().size(), properties.speed(), clock.instant());
    }
}
