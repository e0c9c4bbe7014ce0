package org.vpp.sagas.forecast;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vpp.forecast.Forecaster;
import org.vpp.forecast.ModelSpecs;
import org.vpp.forecast.model.FittedModel;
import org.vpp.forecast.TrainedModelSpec;
import org.vpp.forecast.TrainingResult;
import org.vpp.forecast.validation.CandidateScore;
import org.vpp.forecast.validation.CvConfig;
import org.vpp.forecast.validation.ResidualQuantiles;
import org.vpp.forecast.validation.SelectionResult;
import org.vpp.forecast.validation.Metric;
import org.vpp.forecast.value.Forecast;
import org.vpp.forecast.value.Horizon;
import org.vpp.forecast.value.Season;
import org.vpp.kernel.TimeSeries;
import org.vpp.messages.forecast.CandidateMetrics;
import org.vpp.messages.forecast.CrossValidationSummary;
import org.vpp.messages.forecast.FindForecastToEvaluate;
import org.vpp.messages.forecast.ForecastAccuracy;
import org.vpp.messages.forecast.ForecastView;
import org.vpp.messages.forecast.QuantileOffsets;
import org.vpp.messages.forecast.RecordForecastEvaluation;
import org.vpp.messages.forecast.FindForecastSource;
import org.vpp.messages.forecast.ForecastId;
import org.vpp.messages.forecast.ForecastSourceId;
import org.vpp.messages.forecast.ForecastSourceView;
import org.vpp.messages.forecast.RecordForecastIssued;
import org.vpp.messages.forecast.RecordModelSelection;
import org.vpp.messages.forecast.SkippedModel;
import org.vpp.sagas.clock.ClockProcess;
import org.vpp.sagas.clock.ProcessDriver;
import org.vpp.sagas.forecast.ForecastRun.Outcome;
import org.vpp.sagas.forecast.ForecastRun.Status;
import org.vpp.sagas.port.ForecastValues;
import org.vpp.sagas.port.MeterHistory;
import org.vpp.sagas.port.PriceHistory;

/**
 * The forecasting process, on the application clock: when {@code train-every} has passed since the last training it
 * trains every source (model selection by cross-validation), when {@code infer-every} has passed since the last
 * inference it issues forecasts for the trained ones. The {@link org.vpp.sagas.clock.ProcessDriver} gives it passes;
 * within a pass the sources run in parallel on a small bounded pool. Each training records its selection (with every
 * candidate's metrics) as a command; each forecast's values are stored before its issue is recorded.
 */
public class ForecastProcess implements ClockProcess {

    private static final Logger log = LoggerFactory.getLogger(ForecastProcess.class);
    private static final double MAX_FILLED_FRACTION = 0.25;
    /** How often sources still without a model are tried between full trainings (clock time). */
    private static final java.time.Duration RETRY_UNTRAINED = java.time.Duration.ofHours(1);
    /** A forecast whose horizon ended longer ago than this is not evaluated any more: its actuals may be gone. */
    private static final java.time.Duration EVALUATION_LOOKBACK = java.time.Duration.ofDays(2);

    private final ForecastSources sources;
    private final MeterHistory meters;
    private final PriceHistory prices;
    private final ForecastValues store;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final InstantSource clock;
    private final ForecastSettings properties;
    // System.nanoTime only bounds the search budget of model selection; it decides nothing recorded by itself.
    private final Forecaster forecaster = new Forecaster(System::nanoTime);
    private final ExecutorService workers;
    private final ReentrantLock running = new ReentrantLock();
    private final Map<ForecastSourceId, Selected> selected = new ConcurrentHashMap<>();
    private final Map<ForecastSourceId, Fit> fits = new ConcurrentHashMap<>();
    private volatile boolean accepting = true;
    private volatile Instant lastTraining;
    private volatile Instant lastRetry;
    private volatile Instant lastInference;
    private volatile Instant lastEvaluation;

    /** A source's model as last fitted, and when: inference advances it to newer history until the next training. */
    private record Fit(TrainedModelSpec spec, FittedModel fitted, Instant fittedAt) {
    }

    /** The model a source forecasts with, and the horizon it was validated for. */
    private record Selected(TrainedModelSpec spec, int horizonSteps) {
    }

    public ForecastProcess(ForecastSources sources, MeterHistory meters, PriceHistory prices, ForecastValues store,
                           CommandGateway commands, QueryGateway queries, InstantSource clock, ForecastSettings properties) {
        this.sources = sources;
        this.meters = meters;
        this.prices = prices;
        this.store = store;
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
        this.properties = properties;
        this.workers = Executors.newFixedThreadPool(properties.threads(), named("forecast-worker-"));
    }

    @Override
    public String name() {
        return "forecasting";
    }

    /** A pass of the driver: trains and infers when due by the clock, if the process is enabled. */
    @Override
    public void runDue(Instant now) {
        if (properties.enabled()) runDue();
    }

    /** No source starts after this; a source in progress finishes and records its result while the buses are up. */
    @Override
    public void stopAccepting() {
        accepting = false;
        workers.shutdown();
    }

    /** Trains and infers if due by the clock; the first call after start finds both due. */
    public List<ForecastRun> runDue() {
        List<ForecastRun> runs = new ArrayList<>();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (due(lastTraining, properties.trainEvery(), now)) runs.add(trainNow());
        else if (due(lastRetry, RETRY_UNTRAINED, now)) runs.add(trainUntrained());
        if (due(lastInference, properties.inferEvery(), now)) runs.add(inferNow());
        if (due(lastEvaluation, properties.evaluateEvery(), now)) runs.add(evaluateNow());
        return runs;
    }

    /**
     * Scores, for every source, the oldest forecast whose horizon has passed and that was issued at least
     * {@code evaluate-every} after the last one scored, against its actuals (telemetry, or the price history), and
     * records its realised error and band coverage beside the error cross-validation promised.
     */
    public ForecastRun evaluateNow() {
        return exclusively(now -> {
            ForecastRun run = forEachSource(now, properties.horizonSteps(), spec -> evaluate(spec, now));
            lastEvaluation = now;
            log.debug("Forecast evaluation at {}: {} forecasts scored", now, run.done().size());
            return run;
        });
    }

    /** Trains every source now, each for its kind's horizon ({@link ForecastSettings#horizonFor}). */
    public ForecastRun trainNow() {
        return train(properties.horizonSteps(), this::horizonOf);
    }

    /** Trains every source now (by the clock) for {@code horizonSteps}, in parallel; waits until all are done. */
    public ForecastRun trainNow(int horizonSteps) {
        return train(horizonSteps, spec -> horizonSteps);
    }

    private int horizonOf(ForecastSourceSpec spec) {
        return properties.horizonFor(spec.id().kind());
    }

    private ForecastRun train(int horizonSteps, java.util.function.ToIntFunction<ForecastSourceSpec> horizon) {
        return exclusively(now -> {
            ForecastRun run = forEachSource(now, horizonSteps, spec -> true,
                    spec -> train(spec, now, horizon.applyAsInt(spec)));
            lastTraining = now;
            lastRetry = now;
            log.info("Forecast training at {}: {} of {} sources trained", now, run.done().size(), run.outcomes().size());
            return run;
        });
    }

    /**
     * Trains the sources without a model from this process yet: a device registered since the last training, or one
     * whose history was too short then (the demo fleet's history arrives after the first pass). They would otherwise
     * wait a whole {@code train-every}.
     */
    public ForecastRun trainUntrained() {
        return exclusively(now -> {
            ForecastRun run = forEachSource(now, properties.horizonSteps(), spec -> !selected.containsKey(spec.id()),
                    spec -> train(spec, now, horizonOf(spec)));
            lastRetry = now;
            if (!run.done().isEmpty()) log.info("Forecast training at {} of sources without a model: {} trained", now, run.done().size());
            return run;
        });
    }

    /** Issues a forecast for every trained source now, each for its kind's horizon. */
    public ForecastRun inferNow() {
        return infer(properties.horizonSteps(), this::horizonOf);
    }

    /** Issues a forecast of {@code horizonSteps} quarter-hours for every trained source now, in parallel. */
    public ForecastRun inferNow(int horizonSteps) {
        return infer(horizonSteps, spec -> horizonSteps);
    }

    private ForecastRun infer(int horizonSteps, java.util.function.ToIntFunction<ForecastSourceSpec> horizon) {
        return exclusively(now -> {
            ForecastRun run = forEachSource(now, horizonSteps, spec -> infer(spec, now, horizon.applyAsInt(spec)));
            lastInference = now;
            log.debug("Forecast inference at {}: {} forecasts issued", now, run.done().size());
            return run;
        });
    }

    private ForecastRun exclusively(Function<Instant, ForecastRun> work) {
        running.lock();
        try {
            // To the microsecond, PostgreSQL's precision, so an instant reads back as it was recorded.
            return work.apply(clock.instant().truncatedTo(ChronoUnit.MICROS));
        } finally {
            running.unlock();
        }
    }

    private ForecastRun forEachSource(Instant now, int horizonSteps, Function<ForecastSourceSpec, Outcome> task) {
        return forEachSource(now, horizonSteps, spec -> true, task);
    }

    private ForecastRun forEachSource(Instant now, int horizonSteps, java.util.function.Predicate<ForecastSourceSpec> which,
                                      Function<ForecastSourceSpec, Outcome> task) {
        List<CompletableFuture<Outcome>> tasks = sources.all().stream()
                .filter(which)
                .map(spec -> submit(spec, task))
                .toList();
        return new ForecastRun(now, horizonSteps, tasks.stream().map(CompletableFuture::join).toList());
    }

    private CompletableFuture<Outcome> submit(ForecastSourceSpec spec, Function<ForecastSourceSpec, Outcome> task) {
        try {
            return CompletableFuture.supplyAsync(ProcessDriver.onBehalfOfCurrent(() -> guarded(spec, task)), workers);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            return CompletableFuture.completedFuture(new Outcome(spec.id(), Status.SKIPPED, "stopping"));
        }
    }

    private Outcome guarded(ForecastSourceSpec spec, Function<ForecastSourceSpec, Outcome> task) {
        if (!accepting) return new Outcome(spec.id(), Status.SKIPPED, "stopping");
        try {
            return task.apply(spec);
        } catch (CommandExecutionException e) {
            log.debug("Forecast: {} refused: {}", spec.id(), e.getMessage());
            return new Outcome(spec.id(), Status.REFUSED, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Forecast: {} failed", spec.id(), e);
            return new Outcome(spec.id(), Status.FAILED, String.valueOf(e.getMessage()));
        }
    }

    private Outcome train(ForecastSourceSpec spec, Instant now, int horizonSteps) {
        Optional<TimeSeries> series = history(spec, now);
        int needed = properties.minimumHistorySteps(horizonSteps);
        if (series.isEmpty() || series.get().size() < needed) {
            return skipped(spec, "not enough history to train: " + series.map(TimeSeries::size).orElse(0)
                    + " quarter-hours, " + needed + " needed");
        }
        int folds = properties.foldsFor(series.get().size(), horizonSteps);
        CvConfig config = new CvConfig(folds, Metric.MASE, Season.DAILY, properties.searchBudget());
        TrainingResult result = forecaster.train(spec.source(), series.get(), new Horizon(horizonSteps), config);
        SelectionResult selection = result.selection();
        List<CandidateMetrics> candidates = new ArrayList<>();
        List<SkippedModel> skipped = new ArrayList<>();
        for (CandidateScore score : selection.scored()) {
            metrics(score, CandidateMetrics.TUNING, candidates, skipped);
        }
        for (CandidateScore score : selection.finalists()) {
            metrics(score, CandidateMetrics.SELECTION, candidates, skipped);
        }
        selection.skipped().forEach(s -> skipped.add(new SkippedModel(s.model().name(), s.model().parameters(), s.reason())));
        TrainedModelSpec best = result.selected();
        if (candidates.stream().noneMatch(c -> c.sameModelAs(best.name(), best.parameters()))) {
            return skipped(spec, "the best model " + best.model().label() + " has no finite scores");
        }
        CrossValidationSummary validation = summary(config, selection);
        commands.sendAndWait(new RecordModelSelection(spec.id(), spec.id().kind(), now, horizonSteps, ForecastSettings.STEP,
                selection.metric().name(), best.name(), best.parameters(), candidates, skipped,
                series.get().start(), series.get().end(), validation, offsets(selection.quantiles())));
        selected.put(spec.id(), new Selected(best, horizonSteps));
        return new Outcome(spec.id(), Status.DONE, best.model().label());
    }

    private static void metrics(CandidateScore score, String window, List<CandidateMetrics> candidates,
                                List<SkippedModel> skipped) {
        CandidateMetrics metrics = new CandidateMetrics(score.name(), score.parameters(), score.mean().mae(),
                score.mean().rmse(), score.mean().mase(), score.folds().size(), window);
        if (metrics.finite()) candidates.add(metrics);
        else skipped.add(new SkippedModel(score.name(), score.parameters(), "scores not finite: " + score.mean()));
    }

    private static CrossValidationSummary summary(CvConfig config, SelectionResult selection) {
        double tuningGain = selection.tuningGainOverBaselinePercent();
        return new CrossValidationSummary(config.folds(), config.selectionFolds(), selection.best().mean().mae(),
                selection.best().mean().mase(), selection.baseline().name(), selection.baseline().parameters(),
                selection.baseline().mean().mae(), selection.baseline().mean().mase(),
                Double.isFinite(tuningGain) ? tuningGain : null);
    }

    static QuantileOffsets offsets(ResidualQuantiles quantiles) {
        return new QuantileOffsets(quantiles.bucketSteps(), boxed(quantiles.p10()), boxed(quantiles.p50()),
                boxed(quantiles.p90()));
    }

    static Optional<ResidualQuantiles> quantiles(QuantileOffsets offsets) {
        if (offsets == null || offsets.problem() != null) return Optional.empty();
        return Optional.of(new ResidualQuantiles(offsets.bucketSteps(), unboxed(offsets.p10()), unboxed(offsets.p50()),
                unboxed(offsets.p90())));
    }

    private static List<Double> boxed(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    private static double[] unboxed(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private Outcome infer(ForecastSourceSpec spec, Instant now, int horizonSteps) {
        Optional<Selected> model = selectedModel(spec);
        if (model.isEmpty()) return skipped(spec, "not trained yet");
        if (horizonSteps > model.get().horizonSteps()) {
            return skipped(spec, "trained for " + model.get().horizonSteps() + " steps, " + horizonSteps + " asked");
        }
        Optional<TimeSeries> series = history(spec, now);
        TrainedModelSpec trained = model.get().spec();
        int needed = trained.model().minimumHistory(ForecastSettings.STEP);
        if (series.isEmpty() || series.get().size() < needed) {
            return skipped(spec, "not enough history to forecast with " + trained.model().label());
        }
        Forecast forecast = Forecaster.forecast(trained, fitted(spec.id(), trained, series.get(), now), series.get(),
                new Horizon(horizonSteps), now);
        ForecastId id = ForecastId.of(spec.id(), now);
        double[][] band = forecast.band().map(b -> new double[][] {b.p10(), b.p50(), b.p90()}).orElse(null);
        store.save(id, spec.id(), forecast.origin(), forecast.step(), forecast.values(), band, now);
        commands.sendAndWait(new RecordForecastIssued(spec.id(), id, now, forecast.origin(), forecast.step(), horizonSteps,
                forecast.model(), forecast.parameters()));
        return new Outcome(spec.id(), Status.DONE, trained.model().label());
    }

    /**
     * The selected model fitted on {@code history}: the last fit advanced to it when that fit is of the same model and
     * younger than {@code train-every} (a tree ensemble takes a second to train, and inference runs every few
     * minutes), a new fit otherwise.
     */
    private FittedModel fitted(ForecastSourceId id, TrainedModelSpec spec, TimeSeries history, Instant now) {
        Fit last = fits.get(id);
        if (last != null && last.spec().equals(spec) && now.isBefore(last.fittedAt().plus(properties.trainEvery()))) {
            Optional<FittedModel> advanced = last.fitted().advancedTo(history);
            if (advanced.isPresent()) return advanced.get();
        }
        FittedModel fitted = spec.model().fit(history);
        fits.put(id, new Fit(spec, fitted, now));
        return fitted;
    }

    /** The model selected since this process started, else the one the read model knows (e.g. after a restart). */
    private Optional<Selected> selectedModel(ForecastSourceSpec spec) {
        Selected known = selected.get(spec.id());
        if (known != null) return Optional.of(known);
        Optional<ForecastSourceView> view = Optional.ofNullable(queries.query(new FindForecastSource(spec.id()),
                ResponseTypes.instanceOf(ForecastSourceView.class)).join());
        return view.map(v -> new Selected(ModelSpecs.rebuild(spec.source(), v.model(), v.parameters(),
                quantiles(v.quantiles())), v.horizonSteps()));
    }

    private Outcome evaluate(ForecastSourceSpec spec, Instant now) {
        Instant horizonEndedBy = floorToStep(now);
        ForecastView forecast = queries.query(new FindForecastToEvaluate(spec.id(), properties.evaluateEvery(),
                horizonEndedBy.minus(EVALUATION_LOOKBACK), horizonEndedBy),
                ResponseTypes.instanceOf(ForecastView.class)).join();
        if (forecast == null) return skipped(spec, "no forecast to evaluate");
        Instant end = forecast.origin().plus(forecast.step().multipliedBy(forecast.values().size()));
        Optional<double[]> actuals = actuals(spec, forecast.origin(), end, forecast.step());
        if (actuals.isEmpty() || actuals.get().length != forecast.values().size()) {
            return skipped(spec, "no actuals for the forecast issued at " + forecast.issuedAt());
        }
        ForecastAccuracy accuracy = ForecastAccuracy.of(forecast.values(),
                java.util.Arrays.stream(actuals.get()).boxed().toArray(Double[]::new));
        commands.sendAndWait(new RecordForecastEvaluation(spec.id(), forecast.forecastId(), forecast.issuedAt(), now,
                accuracy.mae(), accuracy.steps(), accuracy.coverage(), forecast.cvMae()));
        return new Outcome(spec.id(), Status.DONE, "realised MAE " + accuracy.mae());
    }

    /** What happened over {@code [from, to)}: the device's metered means, or the zone's prices. */
    private Optional<double[]> actuals(ForecastSourceSpec spec, Instant from, Instant to, java.time.Duration step) {
        if (spec.device() == null) {
            boolean covered = prices.coveredFrom().map(start -> !from.isBefore(start)).orElse(true)
                    && prices.coveredUntil().map(until -> !to.isAfter(until)).orElse(true);
            return covered ? Optional.of(prices.prices(spec.zone(), from, to).values()) : Optional.empty();
        }
        return meters.slotMeans(spec.device(), from, to, step)
                .filter(slots -> slots.filledSlots() <= MAX_FILLED_FRACTION * slots.series().size()
                        && slots.series().start().equals(from) && slots.series().end().equals(to))
                .map(slots -> slots.series().values());
    }

    /** The last {@code history} of complete quarter-hours before {@code now}. */
    private Optional<TimeSeries> history(ForecastSourceSpec spec, Instant now) {
        Instant end = floorToStep(now);
        Instant from = end.minus(properties.history());
        if (spec.device() == null) {
            // An imported price series has a beginning (and an end): read what it covers, and train once that is enough.
            if (prices.coveredFrom().filter(from::isBefore).isPresent()) from = prices.coveredFrom().get();
            if (prices.coveredUntil().filter(end::isAfter).isPresent()) end = floorToStep(prices.coveredUntil().get());
            return end.isAfter(from) ? Optional.of(prices.prices(spec.zone(), from, end)) : Optional.empty();
        }
        return meters.slotMeans(spec.device(), from, end, ForecastSettings.STEP)
                .filter(h -> h.filledSlots() <= MAX_FILLED_FRACTION * h.series().size())
                .map(MeterHistory.Slots::series);
    }

    private static Outcome skipped(ForecastSourceSpec spec, String reason) {
        log.debug("Forecast: {} skipped: {}", spec.id(), reason);
        return new Outcome(spec.id(), Status.SKIPPED, reason);
    }

    static Instant floorToStep(Instant at) {
        long step = ForecastSettings.STEP.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), step) * step);
    }

    private static boolean due(Instant last, Duration every, Instant now) {
        return last == null || !now.isBefore(last.plus(every));
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

}
