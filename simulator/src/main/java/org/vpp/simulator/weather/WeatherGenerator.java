package org.vpp.simulator.weather;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.random.RandomGenerator;
import org.vpp.kernel.ClearSky;
import org.vpp.kernel.TimeSeries;
import org.vpp.simulator.series.SeedStreams;
import org.vpp.simulator.series.Stochastic;

/**
 * Synthetic weather for a location: real sun geometry times a persistent cloud process, temperature with seasonal
 * and daily cycles, and Weibull-distributed wind with persistence. Each quantity has its own random stream
 * derived from (seed, location), so the same seed always yields the same weather.
 */
public final class WeatherGenerator {

    // Hour-to-hour correlations of the latent Gaussian processes: clouds and temperature anomalies persist for
    // a day or more, wind for some hours.
    private static final double CLOUD_HOURLY_CORRELATION = 0.96;
    private static final double TEMPERATURE_HOURLY_CORRELATION = 0.98;
    private static final double WIND_HOURLY_CORRELATION = 0.93;
    private static final double WEIBULL_SHAPE = 2.0;

    private WeatherGenerator() {
    }

    public static WeatherSeries generate(WeatherSite location, Instant start, Duration step, int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0");
        }
        String key = "weather:" + location.streamKey();
        RandomGenerator cloudRng = SeedStreams.stream(seed, key + ":cloud");
        RandomGenerator temperatureRng = SeedStreams.stream(seed, key + ":temperature");
        RandomGenerator windRng = SeedStreams.stream(seed, key + ":wind");
        double cloudPhi = Stochastic.phiForStep(CLOUD_HOURLY_CORRELATION, step);
        double temperaturePhi = Stochastic.phiForStep(TEMPERATURE_HOURLY_CORRELATION, step);
        double windPhi = Stochastic.phiForStep(WIND_HOURLY_CORRELATION, step);

        double[] ghi = new double[count];
        double[] temperature = new double[count];
        double[] wind = new double[count];
        double[] cloud = new double[count];
        double cloudZ = cloudRng.nextGaussian();
        double temperatureZ = temperatureRng.nextGaussian();
        double windZ = windRng.nextGaussian();
        for (int i = 0; i < count; i++) {
            Instant slotStart = start.plus(step.multipliedBy(i));
            Instant mid = slotStart.plus(step.dividedBy(2));
            ZonedDateTime utc = mid.atZone(ZoneOffset.UTC);
            int dayOfYear = utc.getDayOfYear();
            double solarHour = localSolarHour(location, utc);
            if (i > 0) {
                cloudZ = Stochastic.ar1Next(cloudZ, cloudPhi, cloudRng.nextGaussian());
                temperatureZ = Stochastic.ar1Next(temperatureZ, temperaturePhi, temperatureRng.nextGaussian());
                windZ = Stochastic.ar1Next(windZ, windPhi, windRng.nextGaussian());
            }
            cloud[i] = cloudCover(cloudZ, seasonalPhase(location, dayOfYear));
            SunPosition sun = SolarGeometry.sunAt(location, mid);
            ghi[i] = ClearSky.haurwitzGhiWPerM2(sun.zenithDeg()) * clearSkyIndex(cloud[i]);
            temperature[i] = temperatureC(location, dayOfYear, solarHour, cloud[i], temperatureZ);
            wind[i] = windSpeedMs(windZ, seasonalPhase(location, dayOfYear), solarHour);
        }
        return new WeatherSeries(location,
                new TimeSeries(start, step, ghi),
                new TimeSeries(start, step, temperature),
                new TimeSeries(start, step, wind),
                new TimeSeries(start, step, cloud));
    }

    /** Hours since local solar midnight, from the longitude (equation of time ignored: +-16 min is noise here). */
    static double localSolarHour(WeatherSite location, ZonedDateTime utc) {
        double utcHour = utc.getHour() + utc.getMinute() / 60.0 + utc.getSecond() / 3600.0;
        return ((utcHour + location.longitudeDeg() / 15.0) % 24 + 24) % 24;
    }

    /** +1 in local midwinter, -1 in local midsummer (hemisphere-aware). */
    static double seasonalPhase(WeatherSite location, int dayOfYear) {
        double northern = Math.cos(2 * Math.PI * (dayOfYear - 15) / 365.25);
        return location.latitudeDeg() >= 0 ? northern : -northern;
    }

    /** Cloud cover in [0,1] from the latent process; winters are cloudier than summers. */
    /**
     * Kasten and Czeplak (1980): fraction of clear-sky irradiance reaching the ground under a cloud cover in [0,1];
     * overcast still lets a quarter through as diffuse light.
     */
    static double clearSkyIndex(double cloudCover) {
        double c = Math.max(0, Math.min(1, cloudCover));
        return 1 - 0.75 * Math.pow(c, 3.4);
    }

    static double cloudCover(double latentZ, double seasonalPhase) {
        double bias = 0.35 * seasonalPhase + 1.0;
        return Stochastic.normalCdf(2.5 * latentZ + bias);
    }

    static double temperatureC(WeatherSite location, int dayOfYear, double solarHour, double cloudCover,
            double anomalyZ) {
        double absLat = Math.abs(location.latitudeDeg());
        double annualMean = 28 - 0.35 * absLat - 0.0065 * location.elevationM();
        double seasonalAmplitude = Math.min(14, 2 + 0.16 * absLat);
        // Coldest about mid-January in the north; clouds damp the daily swing.
        double seasonal = -seasonalAmplitude * seasonalPhase(location, dayOfYear);
        double dailyAmplitude = 5.0 * (1 - 0.6 * cloudCover);
        double daily = dailyAmplitude * Math.cos(2 * Math.PI * (solarHour - 15) / 24);
        return annualMean + seasonal + daily + 2.5 * anomalyZ;
    }

    /** Weibull marginal via the latent Gaussian; windier in winter and in the afternoon at 10 m. */
    static double windSpeedMs(double latentZ, double seasonalPhase, double solarHour) {
        double scale = 5.0 * (1 + 0.15 * seasonalPhase);
        double diurnal = 1 + 0.12 * Math.cos(2 * Math.PI * (solarHour - 14) / 24);
        return Stochastic.weibullQuantile(Stochastic.normalCdf(latentZ), WEIBULL_SHAPE, scale) * diurnal;
    }
}
