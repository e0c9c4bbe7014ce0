package org.vpp.api.dispatch;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.vpp.api.bidding.FleetSnapshot;
import org.vpp.api.bidding.StoredSchedule;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.BatteryEnergy;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.BidInputsFetched;
import org.vpp.messages.bid.ClearedSlot;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.bid.SchedulePrepared;
import org.vpp.messages.dispatch.DispatchId;
import org.vpp.messages.dispatch.DispatchKind;
import org.vpp.messages.dispatch.DispatchSlot;
import org.vpp.messages.dispatch.PlanDispatch;
import org.vpp.sagas.dispatch.DispatchDevice;
import org.vpp.sagas.dispatch.DispatchPlan;
import org.vpp.sagas.dispatch.DispatchPlanning;
import org.vpp.sagas.port.Contents;
import org.vpp.sagas.port.DispatchScopes;
import org.vpp.sagas.port.DispatchPlans;

/**
 * The {@link DispatchPlans} port over the stored cycle (found from the bid's events): the bid's schedule on the tree of the bid's own fleet
 * snapshot (not the fleet as it is today), translated into a market {@link DispatchPlan} and made to follow what
 * cleared by the pure {@link DispatchPlanning#followClearing}; the plan is stored as content and referenced.
 */
public class StoredDispatchPlans implements DispatchPlans {

    static final String PLAN = "dispatch-plan";

    private final EventStore events;
    private final Contents contents;
    private final double generatorCostEurPerMwh;

    public StoredDispatchPlans(EventStore events, Contents contents, double generatorCostEurPerMwh) {
        this.events = events;
        this.contents = contents;
        this.generatorCostEurPerMwh = generatorCostEurPerMwh;
    }

    @Override
    public PlanDispatch forBid(BidId bidId, List<ClearedSlot> cleared, Instant at) {
        // The bid's own events, not its read model: the saga asks as soon as the result is recorded, when a tracking
        // projection may not have caught up yet.
        ContentReference snapshot = null;
        ContentReference scheduleReference = null;
        for (var it = events.readEvents(bidId.value()); it.hasNext(); ) {
            Object event = it.next().getPayload();
            if (event instanceof BidInputsFetched fetched) snapshot = fetched.fleetSnapshot();
            if (event instanceof SchedulePrepared prepared) scheduleReference = prepared.schedule();
        }
        if (snapshot == null || scheduleReference == null) {
            throw new IllegalStateException("bid " + bidId + " has no recorded inputs and schedule to dispatch");
        }
        FleetSnapshot fleet = contents.read(snapshot, FleetSnapshot.class);
        StoredSchedule schedule = contents.read(scheduleReference, StoredSchedule.class);
        DispatchPlan scheduled = fromSchedule(DispatchId.forBid(bidId), fleet, schedule, generatorCostEurPerMwh);
        if (cleared.size() != scheduled.slotCount()) {
            throw new IllegalStateException("bid " + bidId + " cleared " + cleared.size() + " slots, its schedule has "
                    + scheduled.slotCount());
        }
        double[] clearedMw = cleared.stream().mapToDouble(c -> c.cleared().value()).toArray();
        DispatchPlanning.Followed followed = DispatchPlanning.followClearing(scheduled, clearedMw);
        ContentReference reference = contents.store(PLAN, followed.plan(), at);
        List<DispatchSlot> slots = cleared.stream()
                .map(c -> new DispatchSlot(c.start(), c.cleared(), c.clearingPrice())).toList();
        int worst = 0;
        int uncovered = 0;
        for (int t = 0; t < followed.unmetMw().length; t++) {
            if (Math.abs(followed.unmetMw()[t]) > 1e-6) uncovered++;
            if (Math.abs(followed.unmetMw()[t]) > Math.abs(followed.unmetMw()[worst])) worst = t;
        }
        Megawatts unmet = Megawatts.of(uncovered == 0 ? 0 : followed.unmetMw()[worst]);
        String reason = uncovered == 0 ? null : "following the clearing leaves " + uncovered + " slot(s) uncovered, the"
                + " largest " + String.format(java.util.Locale.ROOT, "%.3f", unmet.value()) + " MW at " + slots.get(worst).start();
        return new PlanDispatch(DispatchId.forBid(bidId), at, DispatchKind.MARKET, bidId, scheduled.nodeId(),
                schedule.slotLength(), slots, reference, scheduled.devices().size(), null, List.of(), unmet, reason);
    }

    /**
     * The schedule as a market plan: controllable devices get their planned power as setpoints, the others their
     * planned (forecast) power as what is expected of them; batteries carry their planned energy at each slot's start.
     */
    static DispatchPlan fromSchedule(DispatchId id, FleetSnapshot fleet, StoredSchedule schedule, double generatorCost) {
        int n = schedule.assets().isEmpty() ? 0 : schedule.assets().getFirst().powerMw().length;
        Map<String, StoredSchedule.AssetPlan> plans = new HashMap<>();
        schedule.assets().forEach(a -> plans.put(a.assetId(), a));
        double hours = schedule.slotLength().toNanos() / 3_600_000_000_000.0;

        DispatchScopes.Scope scope = SnapshotScope.of(fleet, generatorCost);
        Map<String, double[]> power = new HashMap<>();
        Map<String, double[]> soc = new HashMap<>();
        for (DispatchDevice d : scope.devices()) {
            StoredSchedule.AssetPlan plan = plans.get(d.id());
            double[] p = plan == null ? new double[n] : plan.powerMw().clone();
            power.put(d.id(), p);
            if (d.kind() == AssetKind.BATTERY && plan != null && plan.socMwh().length == n && n > 0) {
                double ce = d.limits().chargeEfficiencyOr(1);
                double de = d.limits().dischargeEfficiencyOr(1);
                double[] atStart = new double[n];
                atStart[0] = plan.socMwh()[0] - BatteryEnergy.storedChangeMwh(p[0] * hours, ce, de);
                for (int t = 1; t < n; t++) atStart[t] = plan.socMwh()[t - 1];
                soc.put(d.id(), atStart);
            }
        }
        double[] net = new double[n];
        power.values().forEach(p -> {
            for (int t = 0; t < n; t++) net[t] += p[t];
        });
        return new DispatchPlan(id.value(), DispatchKind.MARKET, scope.nodeId(), schedule.start(), schedule.slotLength(), n,
                scope.devices(), scope.groups(), power, Map.of(), soc, net);
    }
}
