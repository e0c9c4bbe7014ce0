package org.vpp.api.graphql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.MegawattHours;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.dispatch.DispatchId;
import org.vpp.messages.dispatch.DispatchKind;
import org.vpp.messages.dispatch.DispatchPage;
import org.vpp.messages.dispatch.DispatchSettlementView;
import org.vpp.messages.dispatch.DispatchStatus;
import org.vpp.messages.dispatch.DispatchTotals;
import org.vpp.messages.dispatch.DispatchView;
import org.vpp.messages.dispatch.FindDispatch;
import org.vpp.messages.dispatch.FindDispatches;
import org.vpp.messages.dispatch.FindSettlements;
import org.vpp.messages.dispatch.NodeSettlement;
import org.vpp.messages.dispatch.SettlementDayView;
import org.vpp.messages.dispatch.ShortfallCause;
import org.vpp.messages.dispatch.SlotSettlement;

/**
 * Reads of the dispatch read model: GraphQL arguments to queries, views back to the schema's shapes (power and
 * energy as plain numbers, money as decimal strings with 2 decimals).
 */
@Controller
public class DispatchQueryController {

    private final QueryGateway queries;

    private final org.vpp.api.audit.PointInTimeViews pointInTime;
    private final java.time.InstantSource clock;

    public DispatchQueryController(QueryGateway queries, org.vpp.api.audit.PointInTimeViews pointInTime, java.time.InstantSource clock) {
        this.queries = queries;
        this.pointInTime = pointInTime;
        this.clock = clock;
    }

    public record AllocationRow(String assetId, double powerMw, double marginalCostEurPerMwh, double headroomMw) {
    }

    public record ShortfallRow(String assetId, double missingMw, ShortfallCause cause) {
    }

    public record RedispatchRow(String fromAssetId, String toAssetId, double powerMw, String level) {
    }

    public record CauseRow(String assetId, double deviationMw, String cause) {
    }

    /** A slot as the schema shows it: null where its step has not happened. */
    public record SlotRow(Instant start, double targetMw, Double clearingPriceEurPerMwh, Instant dispatchedAt,
                          Integer setpointsSent, List<ShortfallRow> shortfalls, List<RedispatchRow> redispatches,
                          Double uncoveredMw, Instant measuredAt, Double deliveredMw, Double deviationMw,
                          List<CauseRow> causes, Integer readings, Integer devicesWithoutReadings,
                          ContentReference perAsset) {
    }

    public record TotalsRow(double targetMwh, Double deliveredMwh, Double deviationMwh, String revenueEur,
                            String imbalanceEur, String totalEur) {
    }

    public record SlotSettlementRow(Instant start, double targetMwh, double deliveredMwh, double deviationMwh,
                                    double clearingPriceEurPerMwh, double imbalancePriceEurPerMwh,
                                    String systemDirection, String revenueEur, String imbalanceEur, String totalEur) {
    }

    public record NodeRow(String nodeId, String kind, String parentId, double deliveredMwh, String revenueEur,
                          String imbalanceEur, String totalEur) {
    }

    @QueryMapping
    public DispatchView dispatch(@Argument String id, @Argument java.time.Instant asOf) {
        org.vpp.messages.dispatch.DispatchId dispatch = Ids.requiredDispatch("id", id);
        if (asOf != null) {
            Instants.notAfter("asOf", asOf, clock.instant());
            return pointInTime.asOf(org.vpp.query.dispatch.DispatchProjection.PROCESSING_GROUP, dispatch.value(), asOf,
                    jdbc -> new org.vpp.query.dispatch.DispatchRepository(jdbc).find(dispatch)).orElse(null);
        }
        return queries.query(new FindDispatch(dispatch), ResponseTypes.instanceOf(DispatchView.class)).join();
    }

    @QueryMapping
    public DispatchConnection dispatches(@Argument DispatchKind kind, @Argument DispatchStatus status,
                                         @Argument LocalDate day, @Argument Integer first, @Argument String after) {
        int size = first == null ? 20 : first;
        if (size < 1 || size > FindDispatches.MAX_PAGE) {
            throw new BadArgumentException("first", "must be between 1 and " + FindDispatches.MAX_PAGE + ", got " + size);
        }
        DispatchId afterId = after == null ? null : DispatchConnection.decode(after);
        DispatchPage page = queries.query(new FindDispatches(kind, status, day, size, afterId), DispatchPage.class).join();
        return DispatchConnection.of(page, afterId != null);
    }

    @QueryMapping
    public SettlementDayView settlements(@Argument LocalDate day) {
        return queries.query(new FindSettlements(day), SettlementDayView.class).join();
    }

    @SchemaMapping(typeName = "Dispatch")
    public Double requestedMw(DispatchView dispatch) {
        return mw(dispatch.requested());
    }

    @SchemaMapping(typeName = "Dispatch")
    public Double unmetMw(DispatchView dispatch) {
        return mw(dispatch.unmet());
    }

    @SchemaMapping(typeName = "Dispatch")
    public Double meanDeviationMw(DispatchView dispatch) {
        return mw(dispatch.meanDeviation());
    }

    @SchemaMapping(typeName = "Dispatch")
    public List<AllocationRow> allocations(DispatchView dispatch) {
        return dispatch.allocations().stream().map(a -> new AllocationRow(a.assetId(), a.power().value(),
                a.marginalCostEurPerMwh(), a.headroom().value())).toList();
    }

    @SchemaMapping(typeName = "Dispatch")
    public List<SlotRow> slots(DispatchView dispatch, @Argument Integer first) {
        return firstOf(dispatch.slots(), first).stream().map(s -> new SlotRow(s.start(), s.target().value(),
                eurPerMwh(s.clearingPrice()), s.dispatchedAt(), s.setpointsSent(),
                s.shortfalls().stream().map(f -> new ShortfallRow(f.assetId(), f.missing().value(), f.cause())).toList(),
                s.redispatches().stream().map(r -> new RedispatchRow(r.fromAssetId(), r.toAssetId(), r.power().value(),
                        r.level())).toList(),
                mw(s.uncovered()), s.measuredAt(), mw(s.delivered()), mw(s.deviation()),
                s.causes().stream().map(c -> new CauseRow(c.assetId(), c.deviation().value(), c.cause())).toList(),
                s.readings(), s.devicesWithoutReadings(), s.perAsset())).toList();
    }

    @SchemaMapping(typeName = "Dispatch")
    public TotalsRow totals(DispatchView dispatch) {
        return totalsRow(dispatch.totals());
    }

    @SchemaMapping(typeName = "DispatchSettlement", field = "revenueEur")
    public String settlementRevenue(DispatchSettlementView settlement) {
        return eur(settlement.revenueEur());
    }

    @SchemaMapping(typeName = "DispatchSettlement", field = "imbalanceEur")
    public String settlementImbalance(DispatchSettlementView settlement) {
        return eur(settlement.imbalanceEur());
    }

    @SchemaMapping(typeName = "DispatchSettlement", field = "totalEur")
    public String settlementTotal(DispatchSettlementView settlement) {
        return eur(settlement.totalEur());
    }

    @SchemaMapping(typeName = "DispatchSettlement", field = "slots")
    public List<SlotSettlementRow> settlementSlots(DispatchSettlementView settlement, @Argument Integer first) {
        return firstOf(settlement.slots(), first).stream().map(DispatchQueryController::slotSettlementRow).toList();
    }

    @SchemaMapping(typeName = "DispatchSettlement", field = "nodes")
    public List<NodeRow> settlementNodes(DispatchSettlementView settlement) {
        return nodeRows(settlement.nodes());
    }

    @SchemaMapping(typeName = "SettlementDay", field = "nodes")
    public List<NodeRow> dayNodes(SettlementDayView day) {
        return nodeRows(day.nodes());
    }

    @SchemaMapping(typeName = "SettlementDay", field = "totals")
    public TotalsRow dayTotals(SettlementDayView day) {
        return totalsRow(day.totals());
    }

    private static TotalsRow totalsRow(DispatchTotals t) {
        return new TotalsRow(t.target().value(), mwh(t.delivered()), mwh(t.deviation()), eur(t.revenueEur()),
                eur(t.imbalanceEur()), eur(t.totalEur()));
    }

    private static SlotSettlementRow slotSettlementRow(SlotSettlement s) {
        return new SlotSettlementRow(s.start(), s.targetMwh(), s.deliveredMwh(), s.deviationMwh(),
                s.clearingPriceEurPerMwh(), s.imbalancePriceEurPerMwh(), s.systemDirection(), eur(s.revenueEur()),
                eur(s.imbalanceEur()), eur(s.totalEur()));
    }

    private static List<NodeRow> nodeRows(List<NodeSettlement> nodes) {
        return nodes.stream().map(n -> new NodeRow(n.nodeId(), n.kind(), n.parentId(), n.deliveredMwh(),
                eur(n.revenueEur()), eur(n.imbalanceEur()), eur(n.totalEur()))).toList();
    }

    private static <T> List<T> firstOf(List<T> all, Integer first) {
        int n = first == null ? all.size() : first;
        if (n < 1) throw new BadArgumentException("first", "must be at least 1, got " + n);
        return all.size() <= n ? all : all.subList(0, n);
    }

    /** EUR to the cent, as a plain decimal string ("-12.50"): the read model keeps NUMERIC(14,2). */
    static String eur(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static Double mw(Megawatts value) {
        return value == null ? null : value.value();
    }

    private static Double mwh(MegawattHours value) {
        return value == null ? null : value.value();
    }

    private static Double eurPerMwh(EurPerMwh value) {
        return value == null ? null : value.value();
    }
}
