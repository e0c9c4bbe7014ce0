package org.vpp.api.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.vpp.messages.bid.BidEvent;
import org.vpp.messages.bid.BidInputsFetched;
import org.vpp.messages.bid.BidSubmitted;
import org.vpp.messages.bid.BiddingCycleAborted;
import org.vpp.messages.bid.BiddingCycleOpened;
import org.vpp.messages.bid.SchedulePrepared;
import org.vpp.messages.dispatch.DispatchSettled;
import org.vpp.messages.dispatch.SlotDelivered;
import org.vpp.messages.forecast.ForecastEvaluated;

/**
 * The domain's metrics for Prometheus ({@code /actuator/prometheus}), from the events as this node records them (a
 * subscribing processor: no replay, no token; like any counter they start at zero with the process):
 * <ul>
 *   <li>{@code vpp_cycle_step_duration_seconds{step}}: application-clock time from a cycle's previous step to
 *       {@code fetch} (inputs fetched and forecast), {@code optimize} (schedule prepared) and {@code bid} (submitted);</li>
 *   <li>{@code vpp_solver_gap}, {@code vpp_solver_score_soft}, {@code vpp_solver_expected_revenue_eur}: the latest schedule's
 *       gap to the LP bound (a share), soft score and expected revenue; {@code vpp_solver_time_seconds} is timed by the
 *       solver itself, in real time;</li>
 *   <li>{@code vpp_forecast_error_mae{kind}}: each evaluated forecast's realised MAE (MW, or EUR/MWh for prices);</li>
 *   <li>{@code vpp_dispatch_deviation_mw}: each measured slot's |delivered - target|;</li>
 *   <li>{@code vpp_settlement_revenue_eur}, {@code vpp_settlement_imbalance_eur}, {@code vpp_settlement_total_eur}: the
 *       money settled since this process started (gauges: an imbalance may be negative), and
 *       {@code vpp_settlement_dispatches_total}.</li>
 * </ul>
 * Processor lag and the telemetry ingest rate are measured where they happen ({@link MetricsConfiguration},
 * {@code TelemetryIngestion}).
 */
@ProcessingGroup(VppMetrics.PROCESSING_GROUP)
public class VppMetrics {

    public static final String PROCESSING_GROUP = "metrics";
    /** A cycle's previous step, until it is submitted or aborted; bounded so a stream of odd cycles cannot grow it. */
    private static final int MAX_OPEN_CYCLES = 1_000;

    private final MeterRegistry registry;
    private final Map<String, Instant> previousStep = new ConcurrentHashMap<>();
    private final AtomicLong gapMillionths = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong softScore = new AtomicLong();
    private final DoubleAdder expectedRevenue = new DoubleAdder();
    private final DoubleAdder revenue = new DoubleAdder();
    private final DoubleAdder imbalance = new DoubleAdder();
    private final DistributionSummary deviations;

    public VppMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("vpp.solver.gap", () -> latestGap() == null ? Double.NaN : latestGap())
                .description("the latest schedule's gap to the optimizer's LP bound, as a share").register(registry);
        Gauge.builder("vpp.solver.score.soft", softScore::get).description("the latest schedule's soft score (EUR x 1000)").register(registry);
        Gauge.builder("vpp.solver.expected.revenue.eur", expectedRevenue::sum).description("the latest schedule's expected revenue")
                .register(registry);
        Gauge.builder("vpp.settlement.revenue.eur", revenue::sum).description("revenue settled since start").register(registry);
        Gauge.builder("vpp.settlement.imbalance.eur", imbalance::sum).description("imbalance settled since start").register(registry);
        Gauge.builder("vpp.settlement.total.eur", () -> revenue.sum() + imbalance.sum())
                .description("revenue plus imbalance settled since start").register(registry);
        for (String step : java.util.List.of("fetch", "optimize", "bid")) stepTimer(step);
        for (var kind : org.vpp.messages.forecast.ForecastSourceKind.values()) forecastErrors(kind);
        registry.counter("vpp.settlement.dispatches");
        deviations = DistributionSummary.builder("vpp.dispatch.deviation.mw")
                .description("each measured dispatch slot's |delivered - target|").register(registry);
    }

    /** The latest schedule's gap to its bound (a share), if one was prepared since start and had a bound. */
    public Double latestGap() {
        long g = gapMillionths.get();
        return g == Long.MIN_VALUE ? null : g / 1e6;
    }

    @EventHandler
    void on(BiddingCycleOpened e) {
        if (previousStep.size() < MAX_OPEN_CYCLES) previousStep.put(e.bidId().value(), e.at());
    }

    @EventHandler
    void on(BidInputsFetched e) {
        step(e, "fetch", e.at(), false);
    }

    @EventHandler
    void on(SchedulePrepared e) {
        step(e, "optimize", e.at(), false);
        gapMillionths.set(e.gapToBound() == null ? Long.MIN_VALUE : Math.round(e.gapToBound() * 1e6));
        softScore.set(soft(e.score()));
        expectedRevenue.reset();
        expectedRevenue.add(e.expectedRevenueEur());
    }

    @EventHandler
    void on(BidSubmitted e) {
        step(e, "bid", e.at(), true);
    }

    @EventHandler
    void on(BiddingCycleAborted e) {
        previousStep.remove(e.bidId().value());
    }

    @EventHandler
    void on(ForecastEvaluated e) {
        forecastErrors(e.sourceId().kind()).record(e.realisedMae());
    }

    @EventHandler
    void on(SlotDelivered e) {
        deviations.record(Math.abs(e.delivered().value() - e.target().value()));
    }

    @EventHandler
    void on(DispatchSettled e) {
        revenue.add(e.revenueEur().doubleValue());
        imbalance.add(e.imbalanceEur().doubleValue());
        registry.counter("vpp.settlement.dispatches").increment();
    }

    private void step(BidEvent e, String step, Instant at, boolean last) {
        String id = e.bidId().value();
        Instant before = last ? previousStep.remove(id) : previousStep.replace(id, at);
        if (before == null || at.isBefore(before)) return;
        stepTimer(step).record(Duration.between(before, at));
    }

    // Registered up front, so that every named metric is listed from the first scrape.
    private Timer stepTimer(String step) {
        return Timer.builder("vpp.cycle.step.duration").tag("step", step)
                .description("application-clock time a bidding cycle's step took").register(registry);
    }

    private DistributionSummary forecastErrors(org.vpp.messages.forecast.ForecastSourceKind kind) {
        return DistributionSummary.builder("vpp.forecast.error.mae").tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                .description("each evaluated forecast's realised mean absolute error").register(registry);
    }

    /** The soft part of a score written {@code <hard>hard/<soft>soft}; 0 when it is written otherwise. */
    static long soft(String score) {
        if (score == null) return 0;
        int slash = score.indexOf("hard/");
        int end = score.indexOf("soft");
        if (slash < 0 || end < slash) return 0;
        try {
            return Long.parseLong(score.substring(slash + "hard/".length(), end));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
