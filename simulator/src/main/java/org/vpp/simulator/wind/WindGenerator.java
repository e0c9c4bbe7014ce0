package org.vpp.simulator.wind;

import org.vpp.kernel.TimeSeries;
import org.vpp.simulator.weather.WeatherSeries;

/** Available output of a wind turbine (or a park of identical ones) on the weather's grid. */
public final class WindGenerator {

    public static final double DEFAULT_SHEAR_EXPONENT = 1.0 / 7;

    private WindGenerator() {
    }

    public static TimeSeries availablePowerMw(WeatherSeries weather, PowerCurve curve, double hubHeightM,
            int turbines) {
        TimeSeries wind10m = weather.windSpeedMsAt10m();
        return wind10m.map(v -> turbines * curve.powerMw(
                WindPower.speedAtHeightMs(v, 10, hubHeightM, DEFAULT_SHEAR_EXPONENT)));
    }
}
