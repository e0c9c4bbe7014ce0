package org.vpp.api.bidding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.BidInputsFetched;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.bid.PlannedSlot;
import org.vpp.messages.bid.SchedulePrepared;
import org.vpp.query.content.ContentStore;
import org.vpp.sagas.bidding.PriceQuote;
import org.vpp.sagas.port.BiddingInputs;
import org.vpp.sagas.port.ScheduleSolver;

/**
 * Why a bid's schedule is what it is, from what was recorded: the bid's own events ({@link BidInputsFetched},
 * {@link SchedulePrepared}) read from the event store, and the content they refer to by id and SHA-256 (fleet snapshot,
 * device forecasts, the schedule with its score analysis) and the price forecast they name. A re-run computes the
 * schedule again from exactly those inputs and the recorded solver settings and seed, and compares it with the recorded
 * one device by device and slot by slot.
 */
public class DecisionRecords {

    /** Powers closer than this (1 W) count as equal. */
    static final double SAME_MW = 1e-6;

    /** The recorded decision, with its inputs read back. */
    public record Decision(BidInputsFetched inputs, SchedulePrepared schedule, FleetSnapshot fleet, DeviceForecasts forecasts,
                           List<PriceQuote> prices, StoredSchedule stored) {

        /** Stopped by its move limit alone, not cut short by the budget: a re-run gives the same schedule. */
        public boolean reproducible() {
            return Boolean.parseBoolean(schedule.solver().parameters().get("deterministic"))
                    && !Boolean.parseBoolean(schedule.solver().parameters().get("stoppedAtBudget"));
        }
    }

    /** A re-run's verdict: reproduced when every device's power in every slot and the score are the same. */
    public record Rerun(boolean reproduced, double maxDeviationMw, String recordedScore, String rerunScore,
                        double recordedRevenueEur, double rerunRevenueEur, List<String> differences) {
    }

    private final EventStore events;
    private final ContentStore content;
    private final Json json;
    private final BiddingInputs inputs;
    private final OptimizerScheduleSolver solver;

    public DecisionRecords(EventStore events, ContentStore content, Json json, BiddingInputs inputs, OptimizerScheduleSolver solver) {
        this.events = events;
        this.content = content;
        this.json = json;
        this.inputs = inputs;
        this.solver = solver;
    }

    /** Empty for an unknown bid or one whose schedule is not recorded yet. */
    public Optional<Decision> decision(BidId id) {
        BidInputsFetched fetched = null;
        SchedulePrepared prepared = null;
        DomainEventStream stream = events.readEvents(id.value(), 0);
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof BidInputsFetched f) fetched = f;
            if (payload instanceof SchedulePrepared p) prepared = p;
        }
        if (fetched == null || prepared == null) return Optional.empty();
        return Optional.of(new Decision(fetched, prepared,
                json.read(read(fetched.fleetSnapshot()), FleetSnapshot.class),
                json.read(read(fetched.deviceForecasts()), DeviceForecasts.class),
                inputs.priceQuotes(fetched.priceForecast().forecastId()),
                json.read(read(prepared.schedule()), StoredSchedule.class)));
    }

    /** Computes the schedule again from the recorded inputs and settings; empty when there is no recorded decision. */
    public Optional<Rerun> rerun(BidId id) {
        Optional<Decision> found = decision(id);
        if (found.isEmpty()) return Optional.empty();
        Decision d = found.get();
        ScheduleSolver.Request request = new ScheduleSolver.Request(id, d.inputs().fleetSnapshot(), d.inputs().priceForecast(),
                d.inputs().deviceForecasts(), d.schedule().solver().timeBudget());
        OptimizerScheduleSolver.Computed again = solver.rerun(request, d.schedule().solver());
        return Optional.of(compare(d, again));
    }

    static Rerun compare(Decision recorded, OptimizerScheduleSolver.Computed again) {
        List<String> differences = new ArrayList<>();
        Map<String, double[]> before = new HashMap<>();
        recorded.stored().assets().forEach(a -> before.put(a.assetId(), a.powerMw()));
        double max = 0;
        for (StoredSchedule.AssetPlan plan : again.schedule().assets()) {
            double[] old = before.remove(plan.assetId());
            if (old == null) {
                differences.add(plan.assetId() + " is planned now but was not then");
                continue;
            }
            if (old.length != plan.powerMw().length) {
                differences.add(plan.assetId() + " has " + plan.powerMw().length + " slots, then " + old.length);
                continue;
            }
            double worst = 0;
            int at = -1;
            for (int t = 0; t < old.length; t++) {
                double diff = Math.abs(old[t] - plan.powerMw()[t]);
                if (diff > worst) {
                    worst = diff;
                    at = t;
                }
            }
            max = Math.max(max, worst);
            if (worst > SAME_MW) {
                differences.add(String.format(Locale.ROOT, "%s differs by up to %.6f MW (slot %d: %.6f then, %.6f now)",
                        plan.assetId(), worst, at, old[at], plan.powerMw()[at]));
            }
        }
        before.keySet().stream().sorted().forEach(a -> differences.add(a + " was planned then but is not now"));
        List<PlannedSlot> recordedPlan = recorded.schedule().plan();
        List<PlannedSlot> plan = again.plan();
        if (recordedPlan.size() != plan.size()) differences.add("the net plan has " + plan.size() + " slots, then " + recordedPlan.size());
        String rerunScore = again.solved().score();
        if (!rerunScore.equals(recorded.schedule().score())) {
            differences.add("score " + rerunScore + " now, " + recorded.schedule().score() + " then");
        }
        return new Rerun(differences.isEmpty(), max, recorded.schedule().score(), rerunScore,
                recorded.schedule().expectedRevenueEur(), again.solved().expectedRevenueEur(), List.copyOf(differences));
    }

    private byte[] read(ContentReference reference) {
        return content.read(reference).orElseThrow(() -> new IllegalStateException("no stored content " + reference.id()
                + " (or its SHA-256 no longer matches " + reference.sha256() + ")"));
    }
}
