package org.vpp.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vpp.bench.csv.CsvOptions;
import org.vpp.bench.optimizer.BenchFleet;
import org.vpp.bench.optimizer.BenchPrices;
import org.vpp.optimizer.LocalSearchGain;
import org.vpp.optimizer.Optimizer;
import org.vpp.optimizer.OptimizerSettings;
import org.vpp.optimizer.Progress;
import org.vpp.optimizer.aggregation.AggregatedProblem;
import org.vpp.optimizer.aggregation.Disaggregation;
import org.vpp.optimizer.aggregation.FleetAggregation;
import org.vpp.optimizer.aggregation.ShapeClasses;
import org.vpp.optimizer.lp.LpReference;
import org.vpp.optimizer.lp.LpSolution;
import org.vpp.optimizer.model.Battery;
import org.vpp.optimizer.model.Horizon;
import org.vpp.optimizer.model.Prices;
import org.vpp.optimizer.model.Problem;
import org.vpp.optimizer.model.Schedule;
import org.vpp.optimizer.model.ScheduleCheck;

/**
 * {@code ./vpp bench optimizer [--sizes 10,100,1000] [--fleet batteries|mixed|batteries,mixed] [--parts 1] [--threads 1]
 * [--blocks SLOTS:STEP_MW]
 * [--devices 10000]
 * [--budget 30] [--device-lp full|sites|skip]
 * [--duration-edges 1.75,2.5] [--fraction-edges 0.333,0.667] [--efficiency-edges ""] [--day 2024-03-15]
 * [CSV options, see {@link CsvOptions}] [prices.csv]}: LP optimum,
 * Timefold value, gap and time to a 1% and 0.5% gap per fleet size and price curve; then a device fleet through
 * aggregation (50 devices per site, split into shape classes by the edges) with wall time, gap against the LP of
 * the aggregated problem, and the disaggregated device schedule against the device-level LP.
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
        String deviceLp = "full";
        List<Double> durationEdges = ShapeClasses.defaults().durationEdgesHours();
        List<Double> fractionEdges = ShapeClasses.defaults().initialFractionEdges();
        List<Double> efficiencyEdges = ShapeClasses.defaults().roundTripEfficiencyEdges();
        CsvOptions.Parsed csvOptions = Refusal.orExit(() -> CsvOptions.parse(List.of(args)), System.err);
        String[] rest = csvOptions.rest().toArray(String[]::new);
        String day = null;
        List<String> fleets = List.of("batteries");
        int parts = 1;
        org.vpp.optimizer.model.BlockProducts blocks = org.vpp.optimizer.model.BlockProducts.NONE;
        int threads = 1;
        for (int i = 0; i < rest.length; i++) {
            String arg = rest[i];
            switch (arg) {
                case "--device-lp" -> deviceLp = rest[++i];
                case "--duration-edges" -> durationEdges = edges(rest[++i]);
                case "--fraction-edges" -> fractionEdges = edges(rest[++i]);
                case "--efficiency-edges" -> efficiencyEdges = edges(rest[++i]);
                case "--sizes" -> sizes = java.util.Arrays.stream(rest[++i].split(",")).map(Integer::parseInt).toList();
                case "--devices" -> devices = Integer.parseInt(rest[++i]);
                case "--budget" -> budgetSeconds = Long.parseLong(rest[++i]);
                case "--day" -> day = rest[++i];
                case "--fleet" -> fleets = fleetKinds(rest[++i]);
                case "--parts" -> parts = Integer.parseInt(rest[++i]);
                case "--blocks" -> blocks = blockProducts(rest[++i]);
                case "--threads" -> threads = Integer.parseInt(rest[++i]);
                default -> csv = Refusal.orExit(() -> BenchPrices.file(arg), System.err);
            }
        }
        // The file first, so that a refused one stops the run before anything is computed.
        Path file = csv;
        Optional<String> dayText = Optional.ofNullable(day);
        Optional<BenchPrices.CsvDay> filePrices = Optional.ofNullable(file).map(f -> Refusal.orExit(
                () -> BenchPrices.fromCsv(f, csvOptions.options(), dayText.map(BenchPrices::day)), System.err));
        filePrices.ifPresent(prices -> prices.report().forEach(System.out::println));
        Horizon horizon = Horizon.dayAheadQuarterHours();
        Map<String, List<Double>> curves = new java.util.LinkedHashMap<>();
        curves.put("simulator seed 42", BenchPrices.simulatedDay(42));
        filePrices.ifPresent(prices -> curves.put(file.getFileName() + " " + prices.day(), prices.prices()));
        OptimizerSettings settings = OptimizerSettings.defaults()
                .withTimeBudget(Duration.ofSeconds(budgetSeconds), Duration.ofSeconds(Math.max(5, budgetSeconds / 3)))
                .withGapTarget(Optional.of(0.001))
                .withExplain(false)
                .withParts(parts, threads);
        Optimizer optimizer = new Optimizer(settings);
        System.out.printf("cores=%d maxHeap=%dMiB java=%s budget=%ds parts=%d threads=%d blocks=%s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), budgetSeconds, parts, threads, blocks);
        System.out.println("prices | fleet | LP EUR | MIP incumbent EUR / bound EUR (status, s) | LP+warm start s "
                + "| warm start EUR (hard Wh) | local search adds EUR | Timefold EUR | gap (bound) | to 1% s | to 0.5% s "
                + "| total s | feasible");
        for (var curve : curves.entrySet()) {
            for (String fleet : fleets) for (int size : sizes) {
                Problem problem = (fleet.equals("mixed")
                        ? BenchFleet.mixed(size, size, horizon, curve.getValue())
                        : Problem.ofBatteries(horizon, Prices.expected(curve.getValue()), BenchFleet.batteries(size, size)))
                        .withBlocks(blocks);
                List<Progress> progress = new ArrayList<>();
                Schedule schedule = optimizer.optimize(problem, progress::add);
                double lp = new LpReference().solve(problem).objectiveEur();
                // The exact program (a battery charges or discharges, never both) on the same budget as Timefold.
                LpSolution mip = new LpReference().solveExact(problem, Duration.ofSeconds(budgetSeconds));
                LocalSearchGain gain = LocalSearchGain.of(progress);
                double bound = schedule.gap().map(g -> g.boundEur()).orElse(lp);
                System.out.printf("%s | %d %s | %.2f | %.2f / %.2f (%s, %.1f) | %s | %.2f (%d) | %+.2f (%.4f%% of LP) | %.2f | %.4f%% (%s) | %s | %s | %.1f | %s%n",
                        curve.getKey(), size, fleet, lp, mip.objectiveEur(), mip.boundEur(), mip.status(), seconds(mip.wallTime()),
                        String.format("%.2f", seconds(progress.getFirst().elapsed())), gain.startEur(), gain.startHardWh(),
                        gain.gainEur(), 100 * gain.gainRelativeTo(lp), schedule.valuation().objectiveEur(),
                        100 * schedule.gap().map(g -> g.relative()).orElse(Double.NaN),
                        schedule.gap().map(g -> g.boundSource()).orElse("none"),
                        timeTo(progress, bound, 0.01), timeTo(progress, bound, 0.005), seconds(schedule.solvingTime()),
                        schedule.feasible());
            }
        }
        if (devices > 0) {
            aggregated(devices, horizon, curves.values().iterator().next(), settings,
                    new ShapeClasses(durationEdges, fractionEdges, efficiencyEdges), deviceLp);
        }
    }

    /**
     * The device fleet through aggregation: sites of {@value #DEVICES_PER_SITE} devices split into shape classes,
     * Timefold on the equivalent units, then the per-site tracking-LP disaggregation, valued against the device-level LP. {@code deviceLp}:
     * {@code full} solves the whole device LP (about 2 minutes for 10,000 devices), {@code sites} sums one LP per
     * site (the same optimum here, since no grid node or commitment couples the sites), {@code skip} leaves it out.
     */
    private static void aggregated(int devices, Horizon horizon, List<Double> prices, OptimizerSettings settings,
                                   ShapeClasses classes, String deviceLp) {
        long start = System.nanoTime();
        List<Battery> fleet = BenchFleet.batteries(devices, devices);
        Map<String, String> sites = new HashMap<>();
        for (int i = 0; i < fleet.size(); i++) {
            sites.put(fleet.get(i).id(), String.format("site-%04d", i / DEVICES_PER_SITE));
        }
        Problem problem = Problem.ofBatteries(horizon, Prices.expected(prices), fleet);
        AggregatedProblem aggregated = FleetAggregation.aggregate(problem, sites, classes);
        OptimizerSettings aggregatedSettings = settings.withTimeBudget(Duration.ofSeconds(40), Duration.ofSeconds(10));
        Schedule schedule = new Optimizer(aggregatedSettings).optimize(aggregated.aggregated());
        double solved = (System.nanoTime() - start) / 1e9;
        Disaggregation devicesSchedule = FleetAggregation.disaggregate(aggregated, schedule.assets(),
                Runtime.getRuntime().availableProcessors());
        double wall = (System.nanoTime() - start) / 1e9;
        double deviceOptimum = Double.NaN;
        double deviceLpSeconds = 0;
        if (!"skip".equals(deviceLp)) {
            long lpStart = System.nanoTime();
            if ("sites".equals(deviceLp)) {
                Map<String, List<Battery>> bySite = new java.util.TreeMap<>();
                fleet.forEach(b -> bySite.computeIfAbsent(sites.get(b.id()), k -> new ArrayList<>()).add(b));
                deviceOptimum = 0;
                for (List<Battery> site : bySite.values()) {
                    deviceOptimum += new LpReference().solve(Problem.ofBatteries(horizon, problem.prices(), site)).objectiveEur();
                }
            } else {
                deviceOptimum = new LpReference().solve(problem).objectiveEur();
            }
            deviceLpSeconds = (System.nanoTime() - lpStart) / 1e9;
        }
        double deviceValue = ScheduleCheck.valuation(problem, devicesSchedule.devices()).objectiveEur();
        System.out.printf("%d devices -> %d aggregated units (%d sites, classes %s): wall %.1f s (aggregate+LP+Timefold %.1f s, "
                        + "disaggregate %.1f s), aggregated LP %.2f EUR, Timefold %.2f EUR, gap %.4f%%, feasible %s%n",
                devices, aggregated.aggregated().batteries().size(), new java.util.HashSet<>(sites.values()).size(), classes,
                wall, solved, wall - solved,
                schedule.gap().map(g -> g.boundEur()).orElse(Double.NaN), schedule.valuation().objectiveEur(),
                100 * schedule.gap().map(g -> g.relative()).orElse(Double.NaN), schedule.feasible());
        System.out.printf("device-level LP (%s) %.2f EUR (%.1f s)%n", deviceLp, deviceOptimum, deviceLpSeconds);
        report("tracking-LP disaggregation", problem, devicesSchedule, deviceValue, deviceOptimum, wall - solved, horizon);
    }

    private static void report(String label, Problem problem, Disaggregation result, double value, double deviceOptimum,
                               double seconds, Horizon horizon) {
        System.out.printf("%s: device schedule %.2f EUR (gap %.4f%% vs device LP), %.1f s, shortfalls %d (%.1f MWh), "
                        + "device violations %d%n",
                label, value, 100 * (1 - value / deviceOptimum), seconds, result.shortfalls().size(),
                result.shortfalls().stream().mapToDouble(s -> Math.abs(s.missingMw())).sum() * horizon.slotHours(),
                result.violations().size());
    }

    /** {@code SLOTS:STEP_MW}, e.g. {@code 4:0.1} (hourly products on quarter-hours, 0.1 MW volume step). */
    private static org.vpp.optimizer.model.BlockProducts blockProducts(String text) {
        String[] parts = text.split(":");
        try {
            return new org.vpp.optimizer.model.BlockProducts(Integer.parseInt(parts[0]),
                    parts.length > 1 ? Double.parseDouble(parts[1]) : 0.0);
        } catch (RuntimeException e) {
            System.err.println("--blocks: expected SLOTS:STEP_MW such as 4:0.1, got '" + text + "' (" + e.getMessage() + ")");
            System.exit(2);
            return null;
        }
    }

    /** {@code batteries}, {@code mixed} or both, comma-separated; anything else is refused by name. */
    private static List<String> fleetKinds(String csv) {
        List<String> kinds = java.util.Arrays.stream(csv.split(",")).map(String::strip).toList();
        for (String kind : kinds) {
            if (!kind.equals("batteries") && !kind.equals("mixed")) {
                System.err.println("--fleet: expected batteries, mixed or both comma-separated, got '" + kind + "'");
                System.exit(2);
            }
        }
        return kinds;
    }

    private static List<Double> edges(String csv) {
        return csv.isBlank() ? List.of() : java.util.Arrays.stream(csv.split(",")).map(Double::parseDouble).toList();
    }

    /** Time to a gap against this bound (the schedule's: the MIP's when it is tighter than the LP's). */
    private static String timeTo(List<Progress> progress, double boundEur, double gap) {
        return progress.stream().filter(p -> p.hardScoreWh() == 0 && boundEur > 1e-9
                        && 1.0 - p.softScoreMilliEur() / 1000.0 / boundEur <= gap).findFirst()
                .map(p -> String.format("%.2f", seconds(p.elapsed()))).orElse("not reached");
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
