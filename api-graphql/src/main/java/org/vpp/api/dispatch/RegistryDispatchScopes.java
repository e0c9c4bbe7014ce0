package org.vpp.api.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.vpp.api.bidding.FleetSnapshot;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.dispatch.DispatchId;
import org.vpp.messages.dispatch.DispatchPlanned;
import org.vpp.query.fleet.FleetRepository;
import org.vpp.query.fleet.FleetRow;
import org.vpp.sagas.bidding.BiddingMarket;
import org.vpp.sagas.dispatch.DispatchPlan;
import org.vpp.sagas.port.Contents;
import org.vpp.sagas.port.DispatchScopes;

/**
 * The {@link DispatchScopes} port: the registry's subtree under a node (its ONLINE devices under ONLINE groups, as
 * a fleet snapshot sees them), and the market setpoints of the window read from the plan of the day's market
 * dispatch (found by its id, {@code market:ZONE:DAY}, and its first event in the event store).
 */
public class RegistryDispatchScopes implements DispatchScopes {

    private final FleetRepository fleet;
    private final EventStore events;
    private final Contents contents;
    private final BiddingMarket market;
    private final double generatorCostEurPerMwh;

    public RegistryDispatchScopes(FleetRepository fleet, EventStore events, Contents contents, BiddingMarket market,
                                  double generatorCostEurPerMwh) {
        this.fleet = fleet;
        this.events = events;
        this.contents = contents;
        this.market = market;
        this.generatorCostEurPerMwh = generatorCostEurPerMwh;
    }

    @Override
    public Optional<Scope> under(String nodeId) {
        if (!AssetId.isValid(nodeId)) return Optional.empty();
        List<FleetRow> rows = fleet.subtree(AssetId.of(nodeId));
        Optional<FleetRow> node = rows.stream().filter(r -> r.id().value().equals(nodeId)).findFirst();
        if (node.isEmpty()) return Optional.empty();
        if (!node.get().kind().isGroup()) {
            return Optional.of(new Scope(nodeId, node.get().kind(), List.of(), List.of()));
        }
        // The node is the subtree's root even when it has a parent: its parent is outside the scope.
        List<FleetRow> rooted = rows.stream().map(r -> r.id().value().equals(nodeId)
                ? new FleetRow(r.id(), null, r.kind(), r.name(), r.status(), r.limits(), r.last()) : r).toList();
        return Optional.of(SnapshotScope.of(FleetSnapshot.of(rooted, Instant.EPOCH), generatorCostEurPerMwh));
    }

    @Override
    public Map<String, double[]> marketSetpoints(Collection<String> deviceIds, Instant start, Duration slotLength, int slots) {
        Map<String, double[]> base = new HashMap<>();
        deviceIds.forEach(id -> base.put(id, new double[slots]));
        Map<LocalDate, Optional<DispatchPlan>> plans = new HashMap<>();
        for (int i = 0; i < slots; i++) {
            Instant at = start.plus(slotLength.multipliedBy(i));
            LocalDate day = market.rules().deliveryDayOf(at);
            Optional<DispatchPlan> plan = plans.computeIfAbsent(day, d -> marketPlan(market.bidId(d)));
            if (plan.isEmpty()) continue;
            DispatchPlan p = plan.get();
            long index = Duration.between(p.start(), at).dividedBy(p.slotLength());
            if (index < 0 || index >= p.slotCount()) continue;
            for (String id : deviceIds) base.get(id)[i] = p.power(id, (int) index);
        }
        return base;
    }

    private Optional<DispatchPlan> marketPlan(BidId bid) {
        String id = DispatchId.forBid(bid).value();
        var stream = events.readEvents(id);
        if (!stream.hasNext()) return Optional.empty();
        Object first = stream.next().getPayload();
        if (!(first instanceof DispatchPlanned planned)) return Optional.empty();
        return Optional.of(contents.read(planned.plan(), DispatchPlan.class));
    }
}
