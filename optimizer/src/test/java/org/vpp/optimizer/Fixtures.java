package org.vpp.optimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vpp.optimizer.model.Battery;
import org.vpp.optimizer.model.Horizon;
import org.vpp.optimizer.model.Prices;
import org.vpp.optimizer.model.Problem;

/** Small problems for the optimizer's tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A lossless 1 MW / 1 MWh battery that starts empty, with no costs and no terminal target. */
    public static Battery losslessBattery(String id) {
        return new Battery(id, 1.0, 0.0, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 10.0, 0.0, 0.0, 0.0);
    }

    public static List<Double> dailyPrices(int slots, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Double> prices = new ArrayList<>();
        for (int t = 0; t < slots; t++) {
            double phase = 2 * Math.PI * t / slots;
            prices.add(80 + 40 * Math.sin(phase - Math.PI / 2) + 25 * Math.sin(2 * phase) + random.nextDouble(-10, 10));
        }
        return prices;
    }

    /** A random small battery fleet with reserves and finite ramps, seeded. */
    public static Problem randomBatteries(long seed, int batteries, int slots) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Battery> fleet = new ArrayList<>();
        for (int i = 0; i < batteries; i++) {
            double power = random.nextDouble(0.5, 2.0);
            double capacity = power * random.nextDouble(1.0, 3.0);
            double reserve = capacity * random.nextDouble(0.0, 0.3);
            double initial = random.nextDouble(Math.max(reserve, 0.1 * capacity), capacity);
            fleet.add(new Battery("b" + i, capacity, 0.1 * capacity, capacity, reserve, initial,
                    random.nextDouble(0.85, 0.98), random.nextDouble(0.85, 0.98), power, power,
                    power * random.nextDouble(0.02, 0.2), random.nextDouble(0, 5), initial, random.nextDouble(0, 50)));
        }
        return Problem.ofBatteries(new Horizon(slots, 15), Prices.expected(dailyPrices(slots, seed)), fleet);
    }
}
