package org.vpp.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vpp.bench.optimizer.BenchFleet;
import org.vpp.bench.optimizer.BenchPrices;
import org.vpp.optimizer.Optimizer;
import org.vpp.optimizer.OptimizerSettings;
import org.vpp.optimizer.Progress;
import org.vpp.optimizer.aggregation.AggregatedProblem;
import org.vpp.optimizer.aggregation.Disaggregation;
import org.vpp.optimizer.aggregation.FleetAggregation;
import org.vpp.optimizer.lp.LpReference;
import org.vpp.optimizer.lp.LpSolution;
import org.vpp.optimizer.model.Battery;
import org.vpp.optimizer.model.Horizon;
import org.vpp.optimizer.model.Prices;
import org.vpp.optimizer.model.Problem;
import org.vpp.optimizer.model.Schedule;
import org.vpp.optimizer.model.ScheduleCheck;

/**
 * {@code ./vpp bench optimizer [--sizes 10,100,1000] [--devices 10000] [--budget 30] [prices.csv]}: LP optimum,
 * Timefold value, gap and time to a 1% and 0.5% gap per fleet size and price curve; then a device fleet through
 * aggregation (50 devices per site) with wall time and gap against the LP of the aggregated problem.
 */
public final class OptimizerBenchmark {

    private static final int DEVICES_PER_SITE = 50;

    private OptimizerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = List.of(10, 100, 1000);
        int devices = 10_000;
        long budgetSeconds = 30;
        Path csv = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> sizes = java.util.Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
                case "--devices" -> devices = Integer.parseInt(args[++i]);
                case "--budget" -> budgetSeconds = Long.parseLong(args[++i]);
                default -> csv = Path.of(args[i]);
            }
        }
        Horizon horizon = Horizon.dayAheadQuarterHours();
        Map<String, List<Double>> curves = new java.util.LinkedHashMap<>();
        curves.put("simulator seed 42", BenchPrices.simulatedDay(42));
        if (csv != null) {
            curves.put(csv.getFileName().toString(), BenchPrices.fromCsv(csv, horizon.slotCount()));
        }
        OptimizerSettings settings = OptimizerSettings.defaults()
                .withTimeBudget(Duration.ofSeconds(budgetSeconds), Duration.ofSeconds(Math.max(5, budgetSeconds / 3)))
                .withGapTarget(Optional.of(0.001))
                .withExplain(false);
        Optimizer optimizer = new Optimizer(settings);
        System.out.printf("cores=%d maxHeap=%dMiB java=%s budget=%ds%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"), budgetSeconds);
        System.out.println("prices | batteries | LP EUR | LP+warm start s | Timefold EUR | gap | to 1% s | to 0.5% s | total s | feasible");
        for (var curve : curves.entrySet()) {
            for (int size : sizes) {
                Problem problem = Problem.ofBatteries(horizon, Prices.expected(curve.getValue()), BenchFleet.batteries(size, size));
                List<Progress> progress = new ArrayList<>();
                Schedule schedule = optimizer.optimize(problem, progress::add);
                double lp = schedule.gap().map(g -> g.lpObjectiveEur()).orElse(Double.NaN);
                System.out.printf("%s | %d | %.2f | %s | %.2f | %.4f%% | %s | %s | %.1f | %s%n", curve.getKey(), size, lp,
                        progress.isEmpty() ? "-" : String.format("%.2f", seconds(progress.getFirst().elapsed())), schedule.valuation().objectiveEur(),
                        100 * schedule.gap().map(g -> g.relative()).orElse(Double.NaN),
                        timeTo(progress, 0.01), timeTo(progress, 0.005), seconds(schedule.solvingTime()),
                        schedule.feasible());
            }
        }
        if (devices > 0) {
            aggregated(devices, horizon, curves.values().iterator().next(), settings);
        }
    }

    private static void aggregated(int devices, Horizon horizon, List<Double> prices, OptimizerSettings settings) {
        long start = System.nanoTime();
        List<Battery> fleet = BenchFleet.batteries(devices, devices);
        Map<String, String> sites = new HashMap<>();
        for (int i = 0; i < fleet.size(); i++) {
            sites.put(fleet.get(i).id(), String.format("site-%04d", i / DEVICES_PER_SITE));
        }
        Problem problem = Problem.ofBatteries(horizon, Prices.expected(prices), fleet);
        AggregatedProblem aggregated = FleetAggregation.aggregate(problem, sites);
        OptimizerSettings aggregatedSettings = settings.withTimeBudget(Duration.ofSeconds(40), Duration.ofSeconds(10));
        Schedule schedule = new Optimizer(aggregatedSettings).optimize(aggregated.aggregated());
        Disaggregation devicesSchedule = FleetAggregation.disaggregate(aggregated, schedule.assets());
        double wall = (System.nanoTime() - start) / 1e9;
        LpSolution deviceLp = new LpReference().solve(problem);
        double deviceValue = ScheduleCheck.valuation(problem, devicesSchedule.devices()).objectiveEur();
        System.out.printf("%d devices -> %d aggregated units: wall %.1f s (aggregate+LP+Timefold+disaggregate), "
                        + "aggregated LP %.2f EUR, Timefold %.2f EUR, gap %.4f%%, feasible %s; "
                        + "device-level LP %.2f EUR (%.1f s); disaggregated device schedule %.2f EUR (gap %.4f%% vs device LP); "
                        + "shortfalls %d (%.1f MWh), device violations %d%n",
                devices, aggregated.aggregated().batteries().size(), wall,
                schedule.gap().map(g -> g.lpObjectiveEur()).orElse(Double.NaN), schedule.valuation().objectiveEur(),
                100 * schedule.gap().map(g -> g.relative()).orElse(Double.NaN), schedule.feasible(),
                deviceLp.objectiveEur(), deviceLp.wallTime().toMillis() / 1000.0, deviceValue,
                100 * (1 - deviceValue / deviceLp.objectiveEur()),
                devicesSchedule.shortfalls().size(),
                devicesSchedule.shortfalls().stream().mapToDouble(s -> Math.abs(s.missingMw())).sum() * horizon.slotHours(),
                devicesSchedule.violations().size());
    }

    private static String timeTo(List<Progress> progress, double gap) {
        return progress.stream().filter(p -> p.hardScoreWh() == 0 && p.gap() <= gap).findFirst()
                .map(p -> String.format("%.2f", seconds(p.elapsed()))).orElse("not reached");
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
