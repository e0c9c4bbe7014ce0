package org.vpp.api.config;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.vpp.api.simulation.SimulationProperties;
import org.vpp.query.forecast.ForecastHistory;
import org.vpp.query.forecast.ForecastStore;
import org.vpp.query.telemetry.TelemetryStore;
import org.vpp.sagas.clock.ClockProcess;
import org.vpp.sagas.clock.ProcessDriver;
import org.vpp.sagas.forecast.ForecastProcess;
import org.vpp.sagas.forecast.ForecastSettings;
import org.vpp.sagas.forecast.ForecastSources;
import org.vpp.sagas.port.DeviceHealthSource;
import org.vpp.sagas.port.ForecastValues;
import org.vpp.sagas.port.WeatherForecasts;
import org.vpp.sagas.port.MeterHistory;
import org.vpp.sagas.port.PriceHistory;
import org.vpp.sagas.telemetry.TelemetryWatchdog;

/**
 * Wiring of the application layer: the processes of {@code sagas/}, the adapters of their ports onto the read-model
 * stores, and the one driver that runs them on the application clock. The driver is a lifecycle bean of the last
 * phase, so it stops first: passes in progress finish while Axon's buses still run.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessConfiguration {

    @Bean
    public ForecastSettings forecastSettings(Environment environment) {
        return Binder.get(environment).bindOrCreate("vpp.forecast", ForecastSettings.class);
    }

    @Bean
    public MeterHistory meterHistory(ForecastHistory history) {
        return (device, from, to, step) -> history.slotMeans(device, from, to, step)
                .map(h -> new MeterHistory.Slots(h.series(), h.filledSlots()));
    }

    @Bean
    public ForecastValues forecastValues(ForecastStore store) {
        return store::save;
    }

    @Bean
    public DeviceHealthSource deviceHealthSource(TelemetryStore store) {
        return store::devicesToWatch;
    }

    @Bean
    public ForecastSources forecastSources(QueryGateway queries, ForecastSettings settings,
                                           ObjectProvider<WeatherForecasts> weather) {
        return new ForecastSources(queries, settings, weather.getIfAvailable(() -> WeatherForecasts.NONE));
    }

    @Bean
    public ForecastProcess forecastProcess(ForecastSources sources, MeterHistory meters, PriceHistory prices,
                                           ForecastValues values, CommandGateway commands, QueryGateway queries,
                                           InstantSource clock, ForecastSettings settings) {
        return new ForecastProcess(sources, meters, prices, values, commands, queries, clock, settings);
    }

    /** How many of its own reporting intervals a demo device may miss before the watchdog takes it offline. */
    static final int SILENT_STEPS = 3;

    @Bean
    public TelemetryWatchdog telemetryWatchdog(DeviceHealthSource devices, CommandGateway commands, InstantSource clock,
                                               VppProperties properties, SimulationProperties simulation) {
        Duration offlineAfter = properties.telemetry().offlineAfter();
        if (simulation.enabled() && offlineAfter.compareTo(simulation.twinStep().multipliedBy(SILENT_STEPS)) < 0) {
            // A device reporting every twin step would be judged silent between two of its own readings, and every
            // late tick would take devices offline and the next bring them back (the soak's feedback loop).
            throw new IllegalArgumentException("vpp.telemetry.offline-after (" + offlineAfter + ") must be at least "
                    + SILENT_STEPS + " times vpp.simulation.twin-step (" + simulation.twinStep()
                    + "): the demo devices report once a twin step");
        }
        // The devices an ingestion reported are judged on a thread of their own, never the ingesting one; the watchdog
        // stops it when the application stops (Spring calls its close()).
        var judge = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("telemetry-judge").daemon().factory());
        return new TelemetryWatchdog(devices, commands, clock, offlineAfter, properties.telemetry().checkEvery(), judge);
    }

    /** Every {@link ClockProcess} bean of the application gets its lane: forecasting, the watchdog, the market's. */
    @Bean
    public ProcessDriver processDriver(InstantSource clock, List<ClockProcess> processes) {
        return new ProcessDriver(clock, processes);
    }

    /** Starts the driver once everything else runs, stops it before anything else stops. */
    @Bean
    public SmartLifecycle processDriverLifecycle(ProcessDriver driver, ProcessProperties properties) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                if (properties.enabled()) driver.start(properties.pollEvery());
                running = true;
            }

            @Override
            public void stop() {
                driver.stop(properties.stopGrace());
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE;
            }
        };
    }
}
