package org.vpp.simulator.pv;

import java.time.ZoneOffset;
import org.vpp.kernel.TimeSeries;
import org.vpp.simulator.weather.Irradiance;
import org.vpp.simulator.weather.SolarGeometry;
import org.vpp.simulator.weather.SunPosition;
import org.vpp.simulator.weather.WeatherSeries;

/** The power a PV plant could deliver on the weather's grid: its available (uncurtailed) output in MW. */
public final class PvGenerator {

    private PvGenerator() {
    }

    public static TimeSeries availablePowerMw(WeatherSeries weather, PvSystem system) {
        TimeSeries ghi = weather.ghiWPerM2();
        TimeSeries temperature = weather.temperatureC();
        double[] power = new double[ghi.size()];
        for (int i = 0; i < power.length; i++) {
            SunPosition sun = SolarGeometry.sunAtMidSlot(weather.location(), ghi.timeAt(i), ghi.step());
            int dayOfYear = ghi.timeAt(i).atZone(ZoneOffset.UTC).getDayOfYear();
            Irradiance sky = Irradiance.erbs(ghi.valueAt(i), sun, dayOfYear);
            double poa = PlaneOfArray.irradianceWPerM2(sky, sun, system.tiltDeg(), system.azimuthDeg(),
                    system.groundAlbedo());
            power[i] = PvPower.acPowerMw(poa, temperature.valueAt(i), system);
        }
        return new TimeSeries(ghi.start(), ghi.step(), power);
    }
}
