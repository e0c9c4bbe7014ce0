package org.vpp.bench.forecast;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.vpp.forecast.value.Source;
import org.vpp.forecast.value.SourceKind;
import org.vpp.kernel.TimeSeries;
import org.vpp.simulator.load.LoadGenerator;
import org.vpp.simulator.load.LoadProfile;
import org.vpp.simulator.load.LoadShape;
import org.vpp.simulator.price.PriceGenerator;
import org.vpp.simulator.price.PriceModel;
import org.vpp.simulator.price.SystemConditions;
import org.vpp.simulator.pv.PvGenerator;
import org.vpp.simulator.pv.PvSystem;
import org.vpp.simulator.weather.SimulatedWeatherFeed;
import org.vpp.simulator.weather.WeatherGenerator;
import org.vpp.simulator.weather.WeatherSeries;
import org.vpp.simulator.weather.WeatherSite;
import org.vpp.simulator.wind.PowerCurve;
import org.vpp.simulator.wind.WindGenerator;

/**
 * The simulator's synthetic PV, wind, load and price series for one site, as forecasting series; PV, wind and price
 * once without and once with the simulator's weather forecasts for the site (the simulated prices follow the same
 * weather through the residual load).
 */
public final class SimulatorSources {

    private static final WeatherSite BERLIN = WeatherSite.of(52.52, 13.40);
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private SimulatorSources() {
    }

    public static List<BenchmarkSource> generate(Instant start, Duration step, int count, long seed) {
        WeatherSeries weather = WeatherGenerator.generate(BERLIN, start, step, count, seed);
        TimeSeries pv = PvGenerator.availablePowerMw(weather, PvSystem.typical(10, 30, 180));
        TimeSeries wind = WindGenerator.availablePowerMw(weather, PowerCurve.onshore(3.0), 110, 5);
        TimeSeries load = LoadGenerator.demandMw(LoadProfile.of(5, LoadShape.COMMERCIAL, ZONE), start, step, count,
                seed, "bench-load");
        TimeSeries price = PriceGenerator.dayAheadPricesEurPerMwh(
                SystemConditions.synthetic(BERLIN, ZONE, Set.of(), start, step, count, seed),
                PriceModel.centralEurope(), seed);
        SimulatedWeatherFeed forecasts = new SimulatedWeatherFeed(weather, ZONE, seed);
        Source pvSource = Source.pv(BERLIN.location(), ZONE);
        Source windSource = new Source(SourceKind.WIND, ZONE, java.util.Optional.of(BERLIN.location()));
        return List.of(
                new BenchmarkSource("pv 10 MW Berlin", pvSource, pv),
                new BenchmarkSource("pv 10 MW Berlin +weather forecasts", pvSource.withWeather(forecasts), pv),
                new BenchmarkSource("wind 5x3 MW", windSource, wind),
                new BenchmarkSource("wind 5x3 MW +weather forecasts", windSource.withWeather(forecasts), wind),
                new BenchmarkSource("load commercial 5 MW", Source.of(SourceKind.LOAD, ZONE), load),
                new BenchmarkSource("price day-ahead", Source.of(SourceKind.PRICE, ZONE), price),
                new BenchmarkSource("price day-ahead +weather forecasts",
                        Source.of(SourceKind.PRICE, ZONE).withWeather(forecasts), price));
    }
}
