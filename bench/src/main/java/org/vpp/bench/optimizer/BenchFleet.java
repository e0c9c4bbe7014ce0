package org.vpp.bench.optimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vpp.optimizer.model.Battery;

/** A seeded, varied battery fleet: home and commercial batteries with reserves, losses and wear. */
public final class BenchFleet {

    private BenchFleet() {
    }

    public static List<Battery> batteries(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Battery> fleet = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double power = random.nextDouble() < 0.8 ? random.nextDouble(0.005, 0.02) : random.nextDouble(0.5, 2.0);
            double capacity = power * random.nextDouble(1.0, 4.0);
            double reserve = capacity * random.nextDouble(0.0, 0.2);
            double initial = random.nextDouble(Math.max(reserve, 0.1 * capacity), 0.9 * capacity);
            fleet.add(new Battery(String.format("bat-%05d", i), capacity, 0.05 * capacity, capacity, reserve, initial,
                    random.nextDouble(0.92, 0.97), random.nextDouble(0.92, 0.97), power, power, power,
                    random.nextDouble(1.0, 6.0), initial, 20.0));
        }
        return fleet;
    }
}
