package org.vpp.api.graphql;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.vpp.api.forecast.ForecastQueryController.ModelParameter;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.MegawattHours;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.BidHistoryEntry;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.BidPage;
import org.vpp.messages.bid.BidStatus;
import org.vpp.messages.bid.BidView;
import org.vpp.messages.bid.FindBid;
import org.vpp.messages.bid.FindBids;
import org.vpp.messages.bid.SolverSettings;

/** Reads of the bid read model: GraphQL arguments to queries, views back to the schema's shapes (plain numbers). */
@Controller
public class BidQueryController {

    private final QueryGateway queries;

    private final org.vpp.api.audit.PointInTimeViews pointInTime;
    private final java.time.InstantSource clock;

    public BidQueryController(QueryGateway queries, org.vpp.api.audit.PointInTimeViews pointInTime, java.time.InstantSource clock) {
        this.queries = queries;
        this.pointInTime = pointInTime;
        this.clock = clock;
    }

    /** A slot as the schema shows it: MW and EUR/MWh as numbers, null where its step has not happened. */
    public record SlotRow(Instant start, Double flexibilityUpMw, Double flexibilityDownMw, Double plannedMw,
                          Double quantityMw, Double limitPriceEurPerMwh, Double clearedMw, Double clearingPriceEurPerMwh) {
    }

    public record TotalsRow(Double offeredMwh, Double clearedMwh, Double revenueEur) {
    }

    @QueryMapping
    public BidView bid(@Argument String id, @Argument Instant asOf) {
        org.vpp.messages.bid.BidId bid = Ids.requiredBid("id", id);
        if (asOf != null) {
            Instants.notAfter("asOf", asOf, clock.instant());
            return pointInTime.asOf(org.vpp.query.bid.BidProjection.PROCESSING_GROUP, bid.value(), asOf,
                    jdbc -> new org.vpp.query.bid.BidRepository(jdbc).find(bid)).orElse(null);
        }
        return queries.query(new FindBid(bid), ResponseTypes.instanceOf(BidView.class)).join();
    }

    @QueryMapping
    public BidConnection bids(@Argument LocalDate deliveryDay, @Argument BidStatus status, @Argument Integer first,
                              @Argument String after) {
        int size = first == null ? 20 : first;
        if (size < 1 || size > FindBids.MAX_PAGE) {
            throw new BadArgumentException("first", "must be between 1 and " + FindBids.MAX_PAGE + ", got " + size);
        }
        BidId afterId = after == null ? null : BidConnection.decode(after);
        BidPage page = queries.query(new FindBids(deliveryDay, status, size, afterId), BidPage.class).join();
        return BidConnection.of(page, afterId != null);
    }

    @SchemaMapping(typeName = "Bid")
    public List<SlotRow> slots(BidView bid, @Argument Integer first) {
        return firstOf(bid.slots(), first).stream().map(s -> new SlotRow(s.start(), mw(s.flexibilityUp()),
                mw(s.flexibilityDown()), mw(s.planned()), mw(s.quantity()), eur(s.limitPrice()), mw(s.cleared()),
                eur(s.clearingPrice()))).toList();
    }

    @SchemaMapping(typeName = "Bid")
    public List<BidHistoryEntry> history(BidView bid, @Argument Integer first) {
        return firstOf(bid.history(), first);
    }

    @SchemaMapping(typeName = "Bid")
    public TotalsRow totals(BidView bid) {
        return new TotalsRow(mwh(bid.totals().offered()), mwh(bid.totals().cleared()), bid.totals().revenueEur());
    }

    @SchemaMapping(typeName = "SolverSettings")
    public List<ModelParameter> parameters(SolverSettings solver) {
        return solver.parameters().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> new ModelParameter(e.getKey(), e.getValue())).toList();
    }

    private static <T> List<T> firstOf(List<T> all, Integer first) {
        int n = first == null ? all.size() : first;
        if (n < 1) throw new BadArgumentException("first", "must be at least 1, got " + n);
        return all.size() <= n ? all : all.subList(0, n);
    }

    private static Double mw(Megawatts value) {
        return value == null ? null : value.value();
    }

    private static Double eur(EurPerMwh value) {
        return value == null ? null : value.value();
    }

    private static Double mwh(MegawattHours value) {
        return value == null ? null : value.value();
    }
}
