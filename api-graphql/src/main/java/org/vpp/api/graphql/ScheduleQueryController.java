package org.vpp.api.graphql;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.vpp.api.bidding.FleetSnapshot;
import org.vpp.api.bidding.Json;
import org.vpp.api.bidding.ScheduleRollup;
import org.vpp.api.bidding.StoredSchedule;
import org.vpp.kernel.AssetKind;
import org.vpp.messages.bid.BidScheduleView;
import org.vpp.messages.bid.BidView;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.bid.FindBid;
import org.vpp.optimizer.model.ConstraintScore;
import org.vpp.optimizer.model.ScoreExplanation;
import org.vpp.query.content.ContentStore;

/**
 * {@code schedule(bidId)}: the bid's schedule as stored by the cycle, rolled up the tree of the cycle's own fleet
 * snapshot. Stored content never changes, so the last few schedules read are kept parsed.
 */
@Controller
public class ScheduleQueryController {

    private static final int PARSED_KEPT = 4;
    private static final int MAX_PAGE = 10_000;

    private final QueryGateway queries;
    private final ContentStore content;
    private final Json json;
    private final Map<String, Object> parsed = Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > PARSED_KEPT;
        }
    });

    public ScheduleQueryController(QueryGateway queries, ContentStore content, Json json) {
        this.queries = queries;
        this.content = content;
        this.json = json;
    }

    /** The schedule of a bid with what its fields need. */
    public record ScheduleView(String bidId, BidScheduleView recorded, StoredSchedule stored,
                               List<ScheduleRollup.NodePlan> nodes, Map<String, FleetSnapshot.Device> devices) {

        public Instant preparedAt() {
            return recorded.preparedAt();
        }

        public Instant start() {
            return stored.start();
        }

        public String slotLength() {
            return stored.slotLength().toString();
        }

        public ContentReference content() {
            return recorded.schedule();
        }

        public String score() {
            return stored.score();
        }

        public Double lpBoundEur() {
            return stored.lpBoundEur();
        }

        public Double gapToBound() {
            return stored.gapToBound();
        }

        public boolean feasible() {
            return stored.feasible();
        }

        public int aggregatedUnits() {
            return stored.aggregatedUnits();
        }

        public Object solver() {
            return recorded.solver();
        }

        public List<String> notes() {
            return stored.notes();
        }

        public List<String> violations() {
            return stored.violations();
        }

        public int assetCount() {
            return stored.assets().size();
        }
    }

    public record ValueRow(double energyRevenueEur, double degradationCostEur, double fuelCostEur,
                           double terminalShortfallCostEur, double startUpCostEur, double evShortfallCostEur,
                           double objectiveEur) {
    }

    public record PlanRow(String assetId, AssetKind kind, String parentId, double energyMwh, double[] powerMw,
                          double[] socMwh) {
    }

    public record ScoreRow(String constraint, String subject, double hardWh, double softEur, int matchCount) {

        static ScoreRow of(ConstraintScore s) {
            return new ScoreRow(s.constraint(), s.subject() == null ? "" : s.subject(), s.hardWh(),
                    s.softMilliEur() / 1000.0, s.matchCount());
        }
    }

    @QueryMapping
    public ScheduleView schedule(@Argument String bidId) {
        BidView bid = queries.query(new FindBid(Ids.requiredBid("bidId", bidId)), ResponseTypes.instanceOf(BidView.class)).join();
        if (bid == null || bid.schedule() == null || bid.inputs() == null) return null;
        StoredSchedule stored = read(bid.schedule().schedule(), StoredSchedule.class);
        FleetSnapshot fleet = read(bid.inputs().fleetSnapshot(), FleetSnapshot.class);
        Map<String, FleetSnapshot.Device> devices = new HashMap<>();
        fleet.devices().forEach(d -> devices.put(d.id(), d));
        return new ScheduleView(bid.id().value(), bid.schedule(), stored, ScheduleRollup.nodes(fleet, stored), devices);
    }

    @SchemaMapping(typeName = "Schedule")
    public ValueRow value(ScheduleView schedule) {
        var v = schedule.stored().valuation();
        return new ValueRow(v.energyRevenueEur(), v.degradationCostEur(), v.fuelCostEur(), v.terminalShortfallCostEur(),
                v.startUpCostEur(), v.evShortfallCostEur(), v.objectiveEur());
    }

    @SchemaMapping(typeName = "Schedule")
    public ScoreExplanation explanation(ScheduleView schedule) {
        return schedule.stored().explanation() == null ? ScoreExplanation.none() : schedule.stored().explanation();
    }

    @SchemaMapping(typeName = "ScheduleExplanation")
    public List<ScoreRow> perConstraint(ScoreExplanation explanation) {
        return explanation.perConstraint().stream().map(ScoreRow::of).toList();
    }

    @SchemaMapping(typeName = "ScheduleExplanation")
    public List<ScoreRow> perSubject(ScoreExplanation explanation, @Argument Integer first) {
        return explanation.perSubject().stream()
                .sorted(Comparator.comparingLong((ConstraintScore s) -> -Math.abs(s.hardWh()))
                        .thenComparingLong(s -> -Math.abs(s.softMilliEur())))
                .limit(page("first", first)).map(ScoreRow::of).toList();
    }

    @SchemaMapping(typeName = "Schedule")
    public List<ScheduleRollup.NodePlan> nodes(ScheduleView schedule, @Argument Integer first) {
        return schedule.nodes().stream().limit(page("first", first)).toList();
    }

    @SchemaMapping(typeName = "Schedule")
    public List<PlanRow> assets(ScheduleView schedule, @Argument Integer first, @Argument Integer offset) {
        int skip = offset == null ? 0 : offset;
        if (skip < 0) throw new BadArgumentException("offset", "must not be negative, was " + skip);
        double slotHours = schedule.stored().slotLength().toSeconds() / 3600.0;
        return schedule.stored().assets().stream().skip(skip).limit(page("first", first)).map(a -> {
            FleetSnapshot.Device d = schedule.devices().get(a.assetId());
            double energy = 0;
            for (double p : a.powerMw()) energy += p * slotHours;
            return new PlanRow(a.assetId(), d == null ? null : d.kind(), d == null ? null : d.parentId(), energy,
                    a.powerMw(), a.socMwh());
        }).toList();
    }

    private static int page(String field, Integer first) {
        int n = first == null ? 100 : first;
        if (n < 1 || n > MAX_PAGE) throw new BadArgumentException(field, "must be within 1.." + MAX_PAGE + ", was " + n);
        return n;
    }

    @SuppressWarnings("unchecked")
    private <T> T read(ContentReference reference, Class<T> type) {
        return (T) parsed.computeIfAbsent(reference.id(), id -> json.read(content.read(reference)
                .orElseThrow(() -> new IllegalStateException("no stored content " + reference.id())), type));
    }
}
