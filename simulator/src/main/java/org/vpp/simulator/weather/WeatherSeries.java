package org.vpp.simulator.weather;

import java.util.Objects;
import org.vpp.kernel.TimeSeries;

/** Weather at one location on one time grid: the inputs of the PV, wind, load and price models. */
public record WeatherSeries(
        WeatherSite location,
        TimeSeries ghiWPerM2,
        TimeSeries temperatureC,
        TimeSeries windSpeedMsAt10m,
        TimeSeries cloudCover) {

    public WeatherSeries {
        Objects.requireNonNull(location, "location");
        for (TimeSeries s : new TimeSeries[] {ghiWPerM2, temperatureC, windSpeedMsAt10m, cloudCover}) {
            Objects.requireNonNull(s, "series");
            if (!s.start().equals(ghiWPerM2.start()) || !s.step().equals(ghiWPerM2.step())
                    || s.size() != ghiWPerM2.size()) {
                throw new IllegalArgumentException("weather series must share one time grid");
            }
        }
    }

    /** Slots {@code [from, to)} of every quantity, keeping their timestamps. */
    public WeatherSeries slice(int from, int to) {
        return new WeatherSeries(location, ghiWPerM2.slice(from, to), temperatureC.slice(from, to),
                windSpeedMsAt10m.slice(from, to), cloudCover.slice(from, to));
    }
}
