package org.vpp.api.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.vpp.api.bidding.FleetSnapshot;
import org.vpp.api.bidding.DecisionRecords;
import org.vpp.api.graphql.BadArgumentException;
import org.vpp.api.graphql.UserError;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.BidInputsView;
import org.vpp.messages.bid.BidScheduleView;
import org.vpp.messages.common.RejectionCode;
import org.vpp.optimizer.model.ScoreExplanation;

/** A bid's recorded decision and its re-run over GraphQL; {@link DecisionRecords} does the work. */
@Controller
public class DecisionController {

    private final DecisionRecords decisions;

    public DecisionController(DecisionRecords decisions) {
        this.decisions = decisions;
    }

    public record Price(Instant start, double expectedEurPerMwh, double p10EurPerMwh, double p90EurPerMwh) {
    }

    public record DeviceForecast(String assetId, String forecastId, String model, boolean fallback, double meanMw) {
    }

    public record Device(String id, org.vpp.kernel.AssetKind kind, String parentId, Double soc, Instant socAt, TechnicalLimits limits) {
    }

    public record LeftOut(String id, String reason) {
    }

    public record RerunInput(String bidId) {
    }

    public record RerunPayload(Boolean reproduced, Double maxDeviationMw, String recordedScore, String rerunScore,
                               Double recordedRevenueEur, Double rerunRevenueEur, List<String> differences,
                               List<UserError> errors) {
    }

    @QueryMapping
    public DecisionRecords.Decision bidDecision(@Argument String id) {
        return decisions.decision(bid("id", id)).orElse(null);
    }

    @SchemaMapping(typeName = "BidDecision")
    public String bidId(DecisionRecords.Decision d) {
        return d.inputs().bidId().value();
    }

    @SchemaMapping(typeName = "BidDecision")
    public BidInputsView inputs(DecisionRecords.Decision d) {
        var f = d.inputs();
        return new BidInputsView(f.at(), f.fleetSnapshot(), f.deviceCount(), f.deviceForecasts(), f.priceForecast());
    }

    @SchemaMapping(typeName = "BidDecision")
    public BidScheduleView schedule(DecisionRecords.Decision d) {
        var s = d.schedule();
        return new BidScheduleView(s.at(), s.schedule(), s.score(), s.expectedRevenueEur(), s.gapToBound(), s.solver());
    }

    @SchemaMapping(typeName = "BidDecision")
    public List<Price> prices(DecisionRecords.Decision d) {
        return d.prices().stream().map(q -> new Price(q.start(), q.expected().value(), q.low().value(), q.high().value())).toList();
    }

    @SchemaMapping(typeName = "BidDecision")
    public List<DeviceForecast> deviceForecasts(DecisionRecords.Decision d) {
        return d.forecasts().series().stream().map(s -> new DeviceForecast(s.deviceId(), s.forecastId(), s.model(), s.fallback(),
                Arrays.stream(s.mw()).average().orElse(0))).toList();
    }

    @SchemaMapping(typeName = "BidDecision")
    public List<Device> fleet(DecisionRecords.Decision d) {
        return d.fleet().devices().stream().map((FleetSnapshot.Device x) -> new Device(x.id(), x.kind(), x.parentId(), x.soc(),
                x.socAt(), x.limits() == null ? TechnicalLimits.NONE : x.limits())).toList();
    }

    @SchemaMapping(typeName = "BidDecision")
    public List<LeftOut> leftOut(DecisionRecords.Decision d) {
        return d.fleet().leftOut().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> new LeftOut(e.getKey(), e.getValue())).toList();
    }

    @SchemaMapping(typeName = "BidDecision")
    public ScoreExplanation scoreAnalysis(DecisionRecords.Decision d) {
        return d.stored().explanation() == null ? ScoreExplanation.none() : d.stored().explanation();
    }

    @MutationMapping
    public RerunPayload rerunSchedule(@Argument RerunInput input) {
        if (input.bidId() == null || !BidId.isValid(input.bidId())) {
            return refused("input.bidId", RejectionCode.INVALID_VALUE, "must be a bid id ZONE:YYYY-MM-DD, e.g. DE-LU:2026-06-17");
        }
        return decisions.rerun(BidId.of(input.bidId()))
                .map(r -> new RerunPayload(r.reproduced(), r.maxDeviationMw(), r.recordedScore(), r.rerunScore(),
                        r.recordedRevenueEur(), r.rerunRevenueEur(), r.differences(), List.of()))
                .orElseGet(() -> refused("input.bidId", RejectionCode.NOT_FOUND, "no bid " + input.bidId() + " with a recorded schedule"));
    }

    private static RerunPayload refused(String field, RejectionCode code, String message) {
        return new RerunPayload(null, null, null, null, null, null, List.of(), List.of(new UserError(field, code, message)));
    }

    private static BidId bid(String field, String value) {
        if (value == null || !BidId.isValid(value)) {
            throw new BadArgumentException(field, "must be a bid id ZONE:YYYY-MM-DD, e.g. DE-LU:2026-06-17");
        }
        return BidId.of(value);
    }
}
