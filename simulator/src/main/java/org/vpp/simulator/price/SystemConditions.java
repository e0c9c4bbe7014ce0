package org.vpp.simulator.price;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.vpp.kernel.TimeSeries;
import org.vpp.simulator.load.LoadGenerator;
import org.vpp.simulator.load.LoadProfile;
import org.vpp.simulator.load.LoadShape;
import org.vpp.simulator.pv.PvGenerator;
import org.vpp.simulator.pv.PvSystem;
import org.vpp.simulator.weather.WeatherGenerator;
import org.vpp.simulator.weather.WeatherSeries;
import org.vpp.simulator.weather.WeatherSite;
import org.vpp.simulator.wind.PowerCurve;
import org.vpp.simulator.wind.WindGenerator;

/**
 * The market-wide drivers of the price on one grid, both as fractions of peak demand: demand and renewable infeed.
 * Either built from synthetic weather for a representative location or from imported series.
 */
public record SystemConditions(TimeSeries demandFraction, TimeSeries renewableFraction) {

    // Installed capacity relative to peak demand, roughly Germany in the mid-2020s.
    static final double PV_CAPACITY_PER_PEAK_DEMAND = 1.1;
    static final double WIND_CAPACITY_PER_PEAK_DEMAND = 0.9;

    public SystemConditions {
        if (!demandFraction.start().equals(renewableFraction.start())
                || !demandFraction.step().equals(renewableFraction.step())
                || demandFraction.size() != renewableFraction.size()) {
            throw new IllegalArgumentException("demand and renewables must share one time grid");
        }
    }

    public TimeSeries residualLoadFraction() {
        double[] demand = demandFraction.values();
        double[] renewables = renewableFraction.values();
        double[] residual = new double[demand.length];
        for (int i = 0; i < residual.length; i++) {
            residual[i] = demand[i] - renewables[i];
        }
        return new TimeSeries(demandFraction.start(), demandFraction.step(), residual);
    }

    /** Synthetic conditions from weather at {@code location}, standing in for the whole bidding zone. */
    public static SystemConditions synthetic(WeatherSite location, ZoneId zone, Set<LocalDate> holidays, Instant start,
            Duration step, int count, long seed) {
        WeatherSeries weather = WeatherGenerator.generate(location, start, step, count, seed);
        return fromWeather(weather, zone, holidays, seed);
    }

    public static SystemConditions fromWeather(WeatherSeries weather, ZoneId zone, Set<LocalDate> holidays,
            long seed) {
        TimeSeries grid = weather.ghiWPerM2();
        LoadProfile system = new LoadProfile(1.0, LoadShape.SYSTEM, zone, holidays, 0.12, 0.02);
        TimeSeries demand = LoadGenerator.demandMw(system, grid.start(), grid.step(), grid.size(), seed, "system")
                .map(v -> -v);
        // A fleet-average PV plant and turbine give capacity factors; scaled by installed capacity per peak demand.
        TimeSeries pv = PvGenerator.availablePowerMw(weather, PvSystem.typical(1.0, 30, 180));
        TimeSeries wind = WindGenerator.availablePowerMw(weather, PowerCurve.onshore(1.0), 110, 1);
        double[] renewables = new double[grid.size()];
        for (int i = 0; i < renewables.length; i++) {
            renewables[i] = PV_CAPACITY_PER_PEAK_DEMAND * pv.valueAt(i) + WIND_CAPACITY_PER_PEAK_DEMAND * wind.valueAt(i);
        }
        return new SystemConditions(demand, new TimeSeries(grid.start(), grid.step(), renewables));
    }
}
