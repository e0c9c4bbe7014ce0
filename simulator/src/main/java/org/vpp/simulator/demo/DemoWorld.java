package org.vpp.simulator.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.kernel.TimeSeries;
import org.vpp.simulator.clock.SimulationClock;
import org.vpp.simulator.load.LoadGenerator;
import org.vpp.simulator.load.LoadProfile;
import org.vpp.simulator.load.LoadShape;
import org.vpp.kernel.MarketRules;
import org.vpp.simulator.market.SimulatedDayAheadMarket;
import org.vpp.simulator.pv.PvGenerator;
import org.vpp.simulator.pv.PvSystem;
import org.vpp.simulator.series.SeedStreams;
import org.vpp.simulator.twin.BatteryLimits;
import org.vpp.simulator.twin.BatteryState;
import org.vpp.simulator.twin.BatteryTwin;
import org.vpp.simulator.twin.DeviceTwin;
import org.vpp.simulator.twin.GeneratorLimits;
import org.vpp.simulator.twin.GeneratorTwin;
import org.vpp.simulator.twin.LoadTwin;
import org.vpp.simulator.twin.MeasurementNoise;
import org.vpp.simulator.twin.OutageModel;
import org.vpp.simulator.twin.RenewableLimits;
import org.vpp.simulator.twin.RenewableTwin;
import org.vpp.simulator.weather.EpochWeather;
import org.vpp.simulator.weather.WeatherSeries;
import org.vpp.simulator.weather.WeatherSite;
import org.vpp.simulator.wind.PowerCurve;
import org.vpp.simulator.wind.WindGenerator;

/**
 * A simulated world for a fleet: one digital twin per device, driven by weather, PV, wind and load series for its
 * location, and a day-ahead market clearing against the given prices (the same the forecaster reads). Everything
 * derives from one seed, one start and the prices, so the same inputs give the same world.
 */
public record DemoWorld(List<DeviceTwin> twins, SimulatedDayAheadMarket market, Instant start, Instant end) {

    static final Duration SERIES_STEP = Duration.ofMinutes(15);
    /** Slow enough that a quarter of an hour never loses more than ~0.5 % of a battery's charge by itself. */
    static final double SELF_DISCHARGE_PER_HOUR = 0.0002;

    /** A world whose batteries all start half-way between their SoC bounds. */
    public static DemoWorld build(List<AssetSpec> specs, SimulationClock clock, Instant start, Duration horizon, long seed,
                                  OutageModel outages, MeasurementNoise noise, TimeSeries prices,
                                  Map<String, TimeSeries> realSeries) {
        return build(specs, clock, start, horizon, seed, outages, noise, prices, realSeries, Map.of());
    }

    /**
     * @param prices day-ahead prices (EUR/MWh) from {@code start}; the world ends where they end, or after
     *               {@code horizon}, whichever comes first
     * @param realSeries series by asset id (MW, positive as metered) replacing the synthetic ones of PV, wind, loads
     * @param initialSoc state of charge (fraction of capacity, 0..1, as readings report it) a battery starts from,
     *                   by asset id: after a restart, its last reading; a battery absent starts half-way between its
     *                   SoC bounds
     */
    /**
     * The weather of the site {@code spec} belongs to (keyed by its parent, at the device's coordinates): the same
     * for any window, so a restart continues it and a weather service can forecast it.
     */
    public static EpochWeather siteWeather(AssetSpec spec, long seed) {
        return siteWeather(spec.parentId().orElseThrow(), spec.latitudeDeg(), spec.longitudeDeg(), seed);
    }

    /** The weather of the site {@code siteId} at the given coordinates, as the world's twins live in it. */
    public static EpochWeather siteWeather(String siteId, double latitudeDeg, double longitudeDeg, long seed) {
        return new EpochWeather(WeatherSite.of(latitudeDeg, longitudeDeg), SERIES_STEP, SeedStreams.derive(seed, siteId));
    }

    public static DemoWorld build(List<AssetSpec> specs, SimulationClock clock, Instant start, Duration horizon, long seed,
                                  OutageModel outages, MeasurementNoise noise, TimeSeries prices,
                                  Map<String, TimeSeries> realSeries, Map<String, Double> initialSoc) {
        // Series start a step early (on the quarter-hour grid the site's weather is kept on) and end a step late, so
        // every twin step falls inside them.
        long stepSeconds = SERIES_STEP.toSeconds();
        Instant from = Instant.ofEpochSecond(Math.floorDiv(start.minus(SERIES_STEP).getEpochSecond(), stepSeconds) * stepSeconds);
        int count = (int) (Duration.between(from, start.plus(horizon)).toSeconds() / stepSeconds) + 2;
        ZoneId zone = clock.zone();
        Map<String, WeatherSeries> weatherBySite = new HashMap<>();
        List<DeviceTwin> twins = new ArrayList<>();
        for (AssetSpec spec : specs) {
            if (spec.kind().isGroup()) continue;
            // AssetSpec guarantees that what applies to the kind is present; only the ramp rate may be absent.
            TechnicalLimits l = spec.limits();
            long twinSeed = SeedStreams.derive(seed, spec.id());
            String siteKey = spec.parentId().orElseThrow();
            WeatherSeries weather = weatherBySite.computeIfAbsent(siteKey, k -> siteWeather(spec, seed).window(from, count));
            double ramp = l.rampRateOr(Math.max(l.maxPowerMw() - l.minPowerMw(), 0.001)); // absent: unconstrained
            twins.add(switch (spec.kind()) {
                case BATTERY -> new BatteryTwin(spec.id(),
                        new BatteryLimits(l.minPowerMw(), l.maxPowerMw(), l.energyCapacityMwh(), l.minSoc(), l.maxSoc(),
                                l.chargeEfficiency(), l.dischargeEfficiency(), ramp, SELF_DISCHARGE_PER_HOUR),
                        new BatteryState(0, initialSoc.getOrDefault(spec.id(), (l.minSoc() + l.maxSoc()) / 2)),
                        outages, noise, start, twinSeed);
                case PV -> new RenewableTwin(spec.id(), new RenewableLimits(l.maxPowerMw(), ramp),
                        realSeries.getOrDefault(spec.id(), PvGenerator.availablePowerMw(weather, PvSystem.typical(l.maxPowerMw(), 30, 180))),
                        outages, noise, start, twinSeed);
                case WIND -> new RenewableTwin(spec.id(), new RenewableLimits(l.maxPowerMw(), ramp),
                        realSeries.getOrDefault(spec.id(), WindGenerator.availablePowerMw(weather, PowerCurve.onshore(l.maxPowerMw()), 100, 1)),
                        outages, noise, start, twinSeed);
                case LOAD, EV_CHARGER -> new LoadTwin(spec.id(), realSeries.containsKey(spec.id())
                        ? realSeries.get(spec.id()).map(v -> -Math.abs(v)) // metered consumption is positive; loads draw
                        : LoadGenerator.demandMw(LoadProfile.of(-l.minPowerMw(),
                        spec.kind() == org.vpp.kernel.AssetKind.EV_CHARGER ? LoadShape.COMMERCIAL : LoadShape.RESIDENTIAL, zone),
                        from, SERIES_STEP, count, seed, spec.id()), 0.2, outages, noise, start, twinSeed);
                case GENERATOR -> new GeneratorTwin(spec.id(), new GeneratorLimits(l.minPowerMw(), l.maxPowerMw(), ramp),
                        outages, noise, start, twinSeed);
                default -> throw new IllegalArgumentException("no twin for " + spec.kind());
            });
        }
        var market = new SimulatedDayAheadMarket(clock, MarketRules.dayAhead(zone, SERIES_STEP), prices, seed);
        Instant end = start.plus(horizon).isBefore(prices.end()) ? start.plus(horizon) : prices.end();
        return new DemoWorld(List.copyOf(twins), market, start, end);
    }
}
