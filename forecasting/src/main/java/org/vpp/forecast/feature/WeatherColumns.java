package org.vpp.forecast.feature;

import java.util.List;

/**
 * Weather variables on a time grid, one column per variable: global horizontal irradiance (W/m²), wind speed
 * (m/s) and air temperature (°C).
 */
public record WeatherColumns(double[] ghiWPerM2, double[] windSpeedMs, double[] temperatureC) {

    public static final List<String> NAMES = List.of("ghi", "wind", "temperature");

    public WeatherColumns {
        if (ghiWPerM2.length != windSpeedMs.length || windSpeedMs.length != temperatureC.length) {
            throw new IllegalArgumentException("weather columns must have one value per step");
        }
        ghiWPerM2 = ghiWPerM2.clone();
        windSpeedMs = windSpeedMs.clone();
        temperatureC = temperatureC.clone();
    }

    public int size() {
        return ghiWPerM2.length;
    }

    /** Writes the three variables of step {@code t} into {@code row} from {@code offset}. */
    public void write(int t, float[] row, int offset) {
        row[offset] = (float) ghiWPerM2[t];
        row[offset + 1] = (float) windSpeedMs[t];
        row[offset + 2] = (float) temperatureC[t];
    }
}
