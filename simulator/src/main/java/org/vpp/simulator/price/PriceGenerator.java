package org.vpp.simulator.price;

import java.util.random.RandomGenerator;
import org.vpp.kernel.TimeSeries;
import org.vpp.simulator.series.SeedStreams;
import org.vpp.simulator.series.Stochastic;

/**
 * Day-ahead prices per slot: the merit-order price of the residual load, plus persistent noise and occasional
 * scarcity spikes when demand is high and renewables are scarce. The daily and weekly shape comes from demand
 * and PV; renewables push prices down and, when they flood the system, below zero.
 */
public final class PriceGenerator {

    private static final double NOISE_HOURLY_CORRELATION = 0.8;
    private static final double SCARCITY_RESIDUAL = 0.75;

    private PriceGenerator() {
    }

    public static TimeSeries dayAheadPricesEurPerMwh(SystemConditions conditions, PriceModel model, long seed) {
        TimeSeries residual = conditions.residualLoadFraction();
        RandomGenerator noiseRng = SeedStreams.stream(seed, "price:noise");
        RandomGenerator spikeRng = SeedStreams.stream(seed, "price:spike");
        double phi = Stochastic.phiForStep(NOISE_HOURLY_CORRELATION, residual.step());
        double noiseZ = noiseRng.nextGaussian();
        double[] prices = new double[residual.size()];
        for (int i = 0; i < prices.length; i++) {
            if (i > 0) {
                noiseZ = Stochastic.ar1Next(noiseZ, phi, noiseRng.nextGaussian());
            }
            double r = residual.valueAt(i);
            double price = MeritOrder.priceEurPerMwh(r, model) + model.noiseSigmaEurPerMwh() * noiseZ;
            // Draw every slot so the spike stream stays aligned whatever the residual load does.
            double spikeDraw = spikeRng.nextDouble();
            double spikeSize = -Math.log(1 - spikeRng.nextDouble()) * model.spikeMeanEurPerMwh();
            if (r > SCARCITY_RESIDUAL && spikeDraw < model.spikeProbabilityAtHighLoad()) {
                price += spikeSize;
            }
            prices[i] = Stochastic.clamp(price, model.floorEurPerMwh(), model.capEurPerMwh());
        }
        return new TimeSeries(residual.start(), residual.step(), prices);
    }
}
