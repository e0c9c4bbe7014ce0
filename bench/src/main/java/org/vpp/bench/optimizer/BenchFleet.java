package org.vpp.bench.optimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vpp.optimizer.model.Battery;
import org.vpp.optimizer.model.EvSession;
import org.vpp.optimizer.model.Generator;
import org.vpp.optimizer.model.Horizon;
import org.vpp.optimizer.model.Prices;
import org.vpp.optimizer.model.Problem;
import org.vpp.optimizer.model.Renewable;

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

    /**
     * A seeded mixed fleet of {@code count} assets over {@code horizon}: 40 % batteries (as {@link #batteries}), 15 %
     * generators with unit commitment (0.5-5 MW, minimum stable output 30-50 %, 60-140 EUR/MWh, ramp to full load in
     * 30-90 minutes, up 1-4 hours, down 1-3 hours, 20-300 EUR per start, a fifth running at the start), 30 % EV
     * charging sessions (arrival 16:00-21:00 or 07:00-09:00, 3-12 hours plugged, 11 or 22 kW chargers with 3 steps,
     * 10-50 kWh needed, 300 EUR per MWh missing) and 15 % PV plants with curtailment (a clear-sky bell, 0.01-2 MW).
     */
    public static Problem mixed(int count, long seed, Horizon horizon, List<Double> prices) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5eedL);
        int n = horizon.slotCount();
        int perHour = (int) Math.round(60.0 / horizon.slotMinutes());
        int batteryCount = (int) Math.round(count * 0.40);
        int generatorCount = (int) Math.round(count * 0.15);
        int evCount = (int) Math.round(count * 0.30);
        int pvCount = Math.max(0, count - batteryCount - generatorCount - evCount);
        List<Battery> batteries = batteries(batteryCount, seed);
        List<Generator> generators = new ArrayList<>();
        for (int i = 0; i < generatorCount; i++) {
            double max = random.nextDouble(0.5, 5.0);
            double min = max * random.nextDouble(0.3, 0.5);
            double ramp = max / random.nextDouble(30, 90);
            Generator g = new Generator(String.format("gen-%05d", i), min, max, random.nextDouble(60, 140))
                    .withCommitment(ramp, perHour * random.nextInt(1, 5), perHour * random.nextInt(1, 4),
                            random.nextDouble(20, 300));
            if (random.nextDouble() < 0.2) {
                g = g.withInitialState(min, random.nextInt(1, 8));
            }
            generators.add(g);
        }
        List<EvSession> sessions = new ArrayList<>();
        for (int i = 0; i < evCount; i++) {
            boolean evening = random.nextDouble() < 0.7;
            int arrival = perHour * (evening ? random.nextInt(16, 22) : random.nextInt(7, 10)) + random.nextInt(perHour);
            int departure = Math.min(n, arrival + perHour * random.nextInt(3, 13));
            double charger = random.nextDouble() < 0.6 ? 0.011 : 0.022;
            double hours = (departure - arrival) * horizon.slotHours();
            double need = Math.min(random.nextDouble(0.010, 0.050), 0.9 * charger * hours);
            sessions.add(new EvSession(String.format("ev-%05d", i), arrival, departure, need, need * 1.5,
                    List.of(charger / 3, 2 * charger / 3, charger), 300));
        }
        List<Renewable> plants = new ArrayList<>();
        for (int i = 0; i < pvCount; i++) {
            double peak = random.nextDouble() < 0.8 ? random.nextDouble(0.01, 0.1) : random.nextDouble(0.5, 2.0);
            List<Double> forecast = new ArrayList<>(n);
            for (int t = 0; t < n; t++) {
                double hour = t * horizon.slotHours();
                double sun = Math.max(0, Math.sin(Math.PI * (hour - 6) / 14));
                forecast.add(peak * sun * sun);
            }
            plants.add(new Renewable(String.format("pv-%05d", i), forecast));
        }
        return new Problem(horizon, Prices.expected(prices), batteries, plants, generators, List.of(), sessions,
                List.of(), List.of());
    }
}
