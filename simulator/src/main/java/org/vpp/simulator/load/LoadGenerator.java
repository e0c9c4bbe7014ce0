package org.vpp.simulator.load;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.random.RandomGenerator;
import org.vpp.kernel.TimeSeries;
import org.vpp.simulator.series.SeedStreams;
import org.vpp.simulator.series.Stochastic;

/** Synthetic demand: shape by local hour and day type, a winter increase and persistent noise. */
public final class LoadGenerator {

    private static final double NOISE_HOURLY_CORRELATION = 0.85;

    private LoadGenerator() {
    }

    /**
     * Demand in MW on the given grid, negative (consumption). {@code streamName} (an asset id) selects this load's
     * own random stream so two loads with the same profile still differ.
     */
    public static TimeSeries demandMw(LoadProfile profile, Instant start, Duration step, int count, long seed,
            String streamName) {
        RandomGenerator rng = SeedStreams.stream(seed, "load:" + streamName);
        double phi = Stochastic.phiForStep(NOISE_HOURLY_CORRELATION, step);
        double noiseZ = rng.nextGaussian();
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                noiseZ = Stochastic.ar1Next(noiseZ, phi, rng.nextGaussian());
            }
            ZonedDateTime local = start.plus(step.multipliedBy(i)).plus(step.dividedBy(2)).atZone(profile.zone());
            double fraction = expectedFractionOfPeak(profile, local);
            double noisy = fraction * (1 + profile.noiseFraction() * noiseZ);
            values[i] = -profile.peakDemandMw() * Math.max(0.05, noisy);
        }
        return new TimeSeries(start, step, values);
    }

    /** The noise-free demand as a fraction of peak, reaching 1 only at the winter peak. */
    public static double expectedFractionOfPeak(LoadProfile profile, ZonedDateTime local) {
        double hour = local.getHour() + local.getMinute() / 60.0;
        double winter = Math.cos(2 * Math.PI * (local.getDayOfYear() - 15) / 365.25);
        double seasonal = 1 + profile.winterIncreaseFraction() * winter;
        return profile.shape().fractionOfPeak(hour, isRestDay(local.toLocalDate(), profile)) * seasonal
                / (1 + profile.winterIncreaseFraction());
    }

    public static boolean isRestDay(LocalDate date, LoadProfile profile) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY || profile.holidays().contains(date);
    }
}
