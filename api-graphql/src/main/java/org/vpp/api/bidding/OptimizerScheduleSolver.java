package org.vpp.api.bidding;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.bid.PlannedSlot;
import org.vpp.messages.bid.SolverSettings;
import org.vpp.optimizer.OptimizerSettings;
import org.vpp.optimizer.SolvingJob;
import org.vpp.optimizer.SolvingService;
import org.vpp.optimizer.aggregation.AggregatedProblem;
import org.vpp.optimizer.aggregation.Disaggregation;
import org.vpp.optimizer.aggregation.FleetAggregation;
import org.vpp.optimizer.aggregation.ShapeClasses;
import org.vpp.optimizer.model.AssetSchedule;
import org.vpp.optimizer.model.Problem;
import org.vpp.optimizer.model.Schedule;
import org.vpp.optimizer.model.ScheduleCheck;
import org.vpp.optimizer.model.ScoreExplanation;
import org.vpp.optimizer.model.Valuation;
import org.vpp.query.content.ContentStore;
import org.vpp.sagas.port.BiddingInputs;
import org.vpp.sagas.port.ScheduleSolver;

/**
 * The optimizer behind the bidding cycle: the problem is rebuilt from exactly the stored inputs the Bid refers to
 * (snapshot, device forecasts, price forecast by id), solved on the application's {@link SolvingService} (a bounded
 * pool) and stored. Fleets with more than {@code aggregateAbove} batteries are solved as equivalent batteries per
 * site and shape class (the optimizer benchmark's defaults) and disaggregated by the per-site tracking LPs
 * (docs/benchmarks.md). Past the budget the job is cancelled and
 * its best schedule so far is used, said in {@link Solved#cutShortByBudget()}. {@code settings} are those the
 * solving service's optimizer was built with (its local search stops well within the cycle's budget).
 */
public class OptimizerScheduleSolver implements ScheduleSolver {

    public static final String SOLVER = "timefold+lp";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OptimizerScheduleSolver.class);

    private final ContentStore content;
    private final Json json;
    private final BiddingInputs inputs;
    private final SolvingService solving;
    private final OptimizerSettings settings;
    private final double generatorCost;
    private final int aggregateAbove;
    private final InstantSource clock;

    private final io.micrometer.core.instrument.MeterRegistry meters;

    public OptimizerScheduleSolver(ContentStore content, Json json, BiddingInputs inputs, SolvingService solving,
                                   OptimizerSettings settings, double generatorCost, int aggregateAbove,
                                   InstantSource clock, io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        for (String plan : List.of("timefold", "lp-relaxation")) solveTimer(plan);
        this.content = content;
        this.json = json;
        this.inputs = inputs;
        this.solving = solving;
        this.settings = settings;
        this.generatorCost = generatorCost;
        this.aggregateAbove = aggregateAbove;
        this.clock = clock;
    }

    /** A schedule computed and not yet stored: what {@link #solve} records and {@link #rerun} compares. */
    public record Computed(StoredSchedule schedule, List<PlannedSlot> plan, Solved solved) {
    }

    @Override
    public Solved solve(Request request) {
        Computed computed = compute(request, solving, settings);
        ContentReference reference = content.store("schedule", json.bytes(computed.schedule()), clock.instant());
        Solved s = computed.solved();
        return new Solved(reference, s.plan(), s.score(), s.expectedRevenueEur(), s.gapToBound(), s.solver(), s.cutShortByBudget());
    }

    /**
     * The schedule a past bid's recorded request gives again, with the settings its {@link SolverSettings} recorded
     * ({@link #settingsOf}), on an optimizer of its own; nothing is stored.
     */
    public Computed rerun(Request request, SolverSettings recorded) {
        OptimizerSettings again = settingsOf(recorded, settings);
        try (SolvingService once = new SolvingService(new org.vpp.optimizer.Optimizer(again))) {
            return compute(request, once, again);
        }
    }

    /**
     * The optimizer settings a schedule was computed with, from its recorded parameters; a parameter an older record
     * lacks is taken from {@code current}.
     */
    static OptimizerSettings settingsOf(SolverSettings recorded, OptimizerSettings current) {
        Map<String, String> p = recorded.parameters();
        Duration search = p.containsKey("searchBudget") ? Duration.parse(p.get("searchBudget")) : current.timeBudget();
        Duration unimproved = p.containsKey("unimprovedTimeLimit") ? Duration.parse(p.get("unimprovedTimeLimit")) : current.unimprovedTimeLimit();
        String gap = p.getOrDefault("gapTarget", current.gapTarget().map(String::valueOf).orElse("none"));
        return new OptimizerSettings(search, unimproved,
                Long.parseLong(p.getOrDefault("moveLimit", Long.toString(current.moveLimit()))),
                gap.equals("none") ? java.util.Optional.empty() : java.util.Optional.of(Double.parseDouble(gap)),
                recorded.seed(), 1,
                Boolean.parseBoolean(p.getOrDefault("warmStartFromLp", Boolean.toString(current.warmStartFromLp()))),
                Integer.parseInt(p.getOrDefault("levelsPerFullPowerSlot", Integer.toString(current.levelsPerFullPowerSlot()))),
                Integer.parseInt(p.getOrDefault("maxLevelsPerBattery", Integer.toString(current.maxLevelsPerBattery()))),
                Integer.parseInt(p.getOrDefault("optionsPerOutput", Integer.toString(current.optionsPerOutput()))),
                current.explain(),
                // a schedule recorded before parts existed was solved whole; the thread count never changes the result
                Integer.parseInt(p.getOrDefault("parts", "1")), current.partThreads());
    }

    /** {@code vpp_solver_time_seconds{plan}}: the optimizer's search, in real time, by the plan it chose. */
    private io.micrometer.core.instrument.Timer solveTimer(String plan) {
        return io.micrometer.core.instrument.Timer.builder("vpp.solver.time").description("real time the optimizer searched for a schedule")
                .tag("plan", plan).register(meters);
    }

    private Computed compute(Request request, SolvingService solving, OptimizerSettings settings) {
        long started = System.nanoTime();
        FleetSnapshot fleet = json.read(read(request.fleetSnapshot()), FleetSnapshot.class);
        DeviceForecasts forecasts = json.read(read(request.deviceForecasts()), DeviceForecasts.class);
        Map<Instant, Double> quotes = new HashMap<>();
        inputs.priceQuotes(request.priceForecast().forecastId()).forEach(q -> quotes.put(q.start(), q.expected().value()));
        List<Double> prices = new ArrayList<>(forecasts.slots());
        for (int t = 0; t < forecasts.slots(); t++) {
            Instant at = forecasts.start().plus(forecasts.slotLength().multipliedBy(t));
            Double p = quotes.get(at);
            if (p == null) throw new IllegalStateException("price forecast " + request.priceForecast().forecastId()
                    + " has no price for the slot at " + at);
            prices.add(p);
        }
        Problem problem = PlanningProblem.problem(fleet, forecasts, prices, generatorCost);
        List<String> notes = new ArrayList<>(PlanningProblem.notes(fleet));

        boolean aggregate = problem.batteries().size() > aggregateAbove;
        AggregatedProblem aggregated = null;
        OutputGrouping outputs = null;
        Problem solved = problem;
        if (aggregate) {
            Map<String, String> siteOf = fleet.siteOfDevice();
            outputs = OutputGrouping.bySite(problem, siteOf);
            Map<String, String> groups = new LinkedHashMap<>();
            problem.batteries().forEach(b -> groups.put(b.id(), siteOf.get(b.id())));
            aggregated = FleetAggregation.aggregate(outputs.grouped(), groups, ShapeClasses.defaults());
            solved = aggregated.aggregated();
            notes.add(problem.batteries().size() + " batteries solved as " + solved.batteries().size()
                    + " equivalent units (per site and shape class), then disaggregated by per-site tracking LPs; "
                    + problem.renewables().size() + " PV and wind plants and " + problem.loads().size()
                    + " loads planned per site (" + solved.renewables().size() + " and " + solved.loads().size() + ")");
        }
        Duration budget = request.budget();
        Schedule schedule;
        boolean cutShort;
        long prepared = System.nanoTime();
        SolvingJob job = solving.submit(solved);
        try {
            schedule = job.result().get(budget.toMillis(), TimeUnit.MILLISECONDS);
            cutShort = schedule.terminatedEarly();
        } catch (TimeoutException e) {
            job.cancel();
            schedule = join(job);
            cutShort = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.cancel();
            throw new IllegalStateException("interrupted while solving " + request.bidId(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the optimizer failed on " + request.bidId() + ": " + e.getCause(), e.getCause());
        }
        if (cutShort) notes.add("stopped at its budget of " + budget + ": the best schedule found so far");
        notes.addAll(schedule.notes());
        Double lp = schedule.gap().map(g -> g.boundEur()).orElse(null);

        // Every device's plan, checked against every limit of the real (not aggregated) problem. Timefold's plan is
        // taken when it keeps every limit and comes within LP_PLAN_ABOVE_GAP of the LP bound; otherwise the LP
        // relaxation's own plan, implementable whenever it passes the same check (continuous powers, no minimum
        // stable output), replaces it. Decided on the solved problem first, so a large fleet is disaggregated once.
        double solvedGap = schedule.gap().map(g -> g.relative()).filter(Double::isFinite).orElse(0.0);
        boolean timefoldFits = schedule.hardScoreWh() >= 0 && schedule.violations().isEmpty() && solvedGap <= LP_PLAN_ABOVE_GAP;
        long optimized = System.nanoTime();
        Plan chosen = timefoldFits ? devicePlan(problem, schedule.assets(), aggregated, outputs, notes) : null;
        String selected = "timefold";
        if (chosen == null || !chosen.violations().isEmpty()) {
            Plan lpPlan = schedule.relaxedPlan().isEmpty() ? null
                    : devicePlan(problem, schedule.relaxedPlan(), aggregated, outputs, notes);
            if (lpPlan != null && lpPlan.violations().isEmpty()) {
                notes.add(String.format(java.util.Locale.ROOT, "Timefold's plan %s; the LP relaxation's plan, checked"
                                + " feasible device by device, is used instead (issue 13)",
                        schedule.hardScoreWh() < 0 || !schedule.violations().isEmpty()
                                ? "broke limits (" + schedule.hardScoreWh() + " Wh)"
                                : String.format(java.util.Locale.ROOT, "was %.2f %% below the LP bound", 100 * solvedGap)));
                chosen = lpPlan;
                selected = "lp-relaxation";
            } else if (chosen == null) {
                chosen = devicePlan(problem, schedule.assets(), aggregated, outputs, notes);
            }
        }
        List<AssetSchedule> devices = chosen.devices();
        Valuation valuation = chosen.valuation();
        List<String> violations = chosen.violations();
        Double gap = lp == null || lp <= 1e-9 ? null : gapOf(chosen, lp);
        long planned = System.nanoTime();
        ScoreExplanation explanation = ScheduleCheck.explain(problem, devices);
        long hard = explanation.perConstraint().stream().mapToLong(c -> c.hardWh()).sum();
        long soft = Math.round(valuation.objectiveEur() * 1000);
        String score = hard + "hard/" + soft + "soft";

        int n = forecasts.slots();
        double[] net = new double[n];
        List<StoredSchedule.AssetPlan> plans = new ArrayList<>(devices.size());
        for (AssetSchedule a : devices) {
            double[] p = a.powerMw().stream().mapToDouble(Double::doubleValue).toArray();
            for (int t = 0; t < n; t++) net[t] += p[t];
            plans.add(new StoredSchedule.AssetPlan(a.assetId(), p, a.socMwh().stream().mapToDouble(Double::doubleValue).toArray()));
        }
        plans.sort(java.util.Comparator.comparing(StoredSchedule.AssetPlan::assetId));
        StoredSchedule stored = new StoredSchedule(forecasts.start(), forecasts.slotLength(), plans, valuation, lp, gap,
                score, explanation, violations, notes, aggregated == null ? 0 : solved.batteries().size(),
                violations.isEmpty() && hard >= 0);
        long explained = System.nanoTime();
        solveTimer(selected).record(optimized - prepared, TimeUnit.NANOSECONDS);
        log.info("Schedule for {}: {} assets, {} plan; inputs {} s, optimizer {} s, device plans {} s, explanation {} s; {}",
                request.bidId(), problem.assetIds().size(), selected, seconds(started, prepared),
                seconds(prepared, optimized), seconds(optimized, planned), seconds(planned, explained), String.join("; ", notes));
        List<PlannedSlot> plan = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            plan.add(new PlannedSlot(forecasts.start().plus(forecasts.slotLength().multipliedBy(t)),
                    Megawatts.of(Math.round(net[t] * 1e6) / 1e6)));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("searchBudget", settings.timeBudget().toString());
        parameters.put("unimprovedTimeLimit", settings.unimprovedTimeLimit().toString());
        parameters.put("moveLimit", Long.toString(settings.moveLimit()));
        parameters.put("gapTarget", settings.gapTarget().map(String::valueOf).orElse("none"));
        parameters.put("warmStartFromLp", Boolean.toString(settings.warmStartFromLp()));
        parameters.put("levelsPerFullPowerSlot", Integer.toString(settings.levelsPerFullPowerSlot()));
        parameters.put("maxLevelsPerBattery", Integer.toString(settings.maxLevelsPerBattery()));
        parameters.put("optionsPerOutput", Integer.toString(settings.optionsPerOutput()));
        parameters.put("parts", Integer.toString(settings.parts()));
        parameters.put("aggregation", aggregate ? "sites:" + solved.batteries().size() : "none");
        parameters.put("selected", selected);
        parameters.put("assets", Integer.toString(problem.assetIds().size()));
        // Reproducible: the search ends by its move limit, never by a clock (no unimproved-time stop, no cut by the
        // budget), so the same seed and inputs give the same schedule (SolverSettings' determinism).
        boolean deterministic = settings.moveLimit() > 0 && !cutShort && settings.unimprovedTimeLimit().compareTo(settings.timeBudget()) >= 0;
        parameters.put("deterministic", Boolean.toString(deterministic));
        return new Computed(stored, plan, new Solved(null, plan, score, valuation.energyRevenueEur(), gap,
                new SolverSettings(SOLVER, budget, settings.randomSeed(), parameters), cutShort));
    }

    /** A plan of every device with its value and its violations on the real problem. */
    record Plan(List<AssetSchedule> devices, Valuation valuation, List<String> violations) {
    }

    /** The LP relaxation's plan replaces Timefold's when Timefold's is this far (relative) below the LP bound. */
    static final double LP_PLAN_ABOVE_GAP = 0.01;

    private static Plan devicePlan(Problem problem, List<AssetSchedule> solvedAssets, AggregatedProblem aggregated,
                                   OutputGrouping outputs, List<String> notes) {
        List<AssetSchedule> devices = solvedAssets;
        if (aggregated != null) {
            Disaggregation split = FleetAggregation.disaggregate(aggregated, solvedAssets,
                    Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
            devices = split.devices();
            if (!split.shortfalls().isEmpty()) notes.add(split.shortfalls().size()
                    + " site/slot(s) where the devices could not follow their site's setpoint exactly");
        }
        if (outputs != null) devices = outputs.expand(devices);
        List<String> violations = ScheduleCheck.violations(problem, devices).stream().map(Object::toString).toList();
        return new Plan(devices, ScheduleCheck.valuation(problem, devices), violations);
    }

    private static double gapOf(Plan plan, Double lpBound) {
        return lpBound == null || lpBound <= 1e-9 ? 0 : Math.max(0, 1 - plan.valuation().objectiveEur() / lpBound);
    }

    private static String seconds(long from, long to) {
        return String.format(java.util.Locale.ROOT, "%.1f", (to - from) / 1e9);
    }

    private byte[] read(ContentReference reference) {
        return content.read(reference).orElseThrow(() -> new IllegalStateException("no stored content " + reference.id()));
    }

    private static Schedule join(SolvingJob job) {
        try {
            return job.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the optimizer", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the optimizer failed: " + e.getCause(), e.getCause());
        }
    }
}
