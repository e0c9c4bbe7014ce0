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

    private final ContentStore content;
    private final Json json;
    private final BiddingInputs inputs;
    private final SolvingService solving;
    private final OptimizerSettings settings;
    private final double generatorCost;
    private final int aggregateAbove;
    private final InstantSource clock;

    public OptimizerScheduleSolver(ContentStore content, Json json, BiddingInputs inputs, SolvingService solving,
                                   OptimizerSettings settings, double generatorCost, int aggregateAbove,
                                   InstantSource clock) {
        this.content = content;
        this.json = json;
        this.inputs = inputs;
        this.solving = solving;
        this.settings = settings;
        this.generatorCost = generatorCost;
        this.aggregateAbove = aggregateAbove;
        this.clock = clock;
    }

    @Override
    public Solved solve(Request request) {
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
        Problem solved = problem;
        if (aggregate) {
            Map<String, String> siteOf = fleet.siteOfDevice();
            Map<String, String> groups = new LinkedHashMap<>();
            problem.batteries().forEach(b -> groups.put(b.id(), siteOf.get(b.id())));
            aggregated = FleetAggregation.aggregate(problem, groups, ShapeClasses.defaults());
            solved = aggregated.aggregated();
            notes.add(problem.batteries().size() + " batteries solved as " + solved.batteries().size()
                    + " equivalent units (per site and shape class), then disaggregated by per-site tracking LPs");
        }
        Duration budget = request.budget();
        OptimizerSettings run = settings;
        Schedule schedule;
        boolean cutShort;
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
        List<AssetSchedule> devices = schedule.assets();
        List<String> violations = new ArrayList<>(schedule.violations().stream().map(Object::toString).toList());
        if (aggregated != null) {
            Disaggregation split = FleetAggregation.disaggregate(aggregated, schedule.assets(),
                    Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
            devices = split.devices();
            split.violations().forEach(v -> violations.add(v.toString()));
            if (!split.shortfalls().isEmpty()) notes.add(split.shortfalls().size()
                    + " site/slot(s) where the devices could not follow their site's setpoint exactly");
        }
        Valuation valuation = aggregated == null ? schedule.valuation() : ScheduleCheck.valuation(problem, devices);
        Double lp = schedule.gap().map(g -> g.lpObjectiveEur()).orElse(null);
        Double gap = lp == null || lp <= 1e-9 ? null : Math.max(0, 1 - valuation.objectiveEur() / lp);
        String score = schedule.hardScoreWh() + "hard/" + schedule.softScoreMilliEur() + "soft";
        notes.addAll(schedule.notes());

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
                score, schedule.explanation(), violations, notes, aggregated == null ? 0 : solved.batteries().size(),
                violations.isEmpty() && schedule.hardScoreWh() >= 0);
        ContentReference reference = content.store("schedule", json.bytes(stored), clock.instant());
        List<PlannedSlot> plan = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            plan.add(new PlannedSlot(forecasts.start().plus(forecasts.slotLength().multipliedBy(t)),
                    Megawatts.of(Math.round(net[t] * 1e6) / 1e6)));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("unimprovedTimeLimit", run.unimprovedTimeLimit().toString());
        parameters.put("moveLimit", Long.toString(run.moveLimit()));
        parameters.put("gapTarget", run.gapTarget().map(String::valueOf).orElse("none"));
        parameters.put("warmStartFromLp", Boolean.toString(run.warmStartFromLp()));
        parameters.put("levelsPerFullPowerSlot", Integer.toString(run.levelsPerFullPowerSlot()));
        parameters.put("aggregation", aggregate ? "sites:" + solved.batteries().size() : "none");
        parameters.put("assets", Integer.toString(problem.assetIds().size()));
        return new Solved(reference, plan, score, valuation.energyRevenueEur(), gap,
                new SolverSettings(SOLVER, budget, run.randomSeed(), parameters), cutShort);
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
