package org.vpp.api.graphql;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.vpp.messages.common.CommandRejection;
import org.vpp.messages.common.RejectionCode;
import org.vpp.messages.dispatch.CancelDispatch;
import org.vpp.messages.dispatch.DispatchId;
import org.vpp.messages.dispatch.DispatchView;
import org.vpp.sagas.dispatch.ManualDispatchRequests;
import org.vpp.sagas.dispatch.MeritOrderAllocation;

/**
 * Manual dispatch: an operator's request for power under a group, and its cancellation. Thin: the request goes to
 * the application layer's {@link ManualDispatchRequests} (allocation, plan, command) at the application clock's
 * instant; the answer shows the allocation and the dispatch as the read model shows it afterwards, or the refusal
 * naming the input field ({@code input.}), with nothing planned.
 */
@Controller
public class DispatchMutationController {

    private static final String INPUT = "input.";

    private final ManualDispatchRequests requests;
    private final CommandGateway commands;
    private final ReadYourWrites reads;
    private final InstantSource clock;

    public DispatchMutationController(ManualDispatchRequests requests, CommandGateway commands, ReadYourWrites reads,
                                      InstantSource clock) {
        this.requests = requests;
        this.commands = commands;
        this.reads = reads;
        this.clock = clock;
    }

    public record RequestDispatchInput(String nodeId, Double powerMw, Instant start, Instant end, String reason) {
    }

    public record CancelDispatchInput(String id, String reason) {
    }

    public record DispatchRequestPayload(MutationStatus status, Long version, DispatchView dispatch, double requestedMw,
                                         List<DispatchQueryController.AllocationRow> allocations, double totalMw, double unmetMw,
                                         List<UserError> errors) {
    }

    public record DispatchPayload(MutationStatus status, Long version, DispatchView dispatch, List<UserError> errors) {
    }

    @MutationMapping
    public DispatchRequestPayload requestDispatch(@Argument RequestDispatchInput input) {
        double requested = input.powerMw() == null ? Double.NaN : input.powerMw();
        try {
            ManualDispatchRequests.Requested done = requests.request(new ManualDispatchRequests.Request(input.nodeId(),
                    requested, input.start(), input.end(), input.reason()), clock.instant());
            ReadYourWrites.Seen<DispatchView> seen = reads.await(done.dispatchId(), done.version());
            MeritOrderAllocation.Allocation a = done.allocation();
            return new DispatchRequestPayload(seen.caughtUp() ? MutationStatus.APPLIED : MutationStatus.PENDING,
                    seen.version(), seen.view(), requested, allocations(a), a.totalMw(), a.unmetMw(), List.of());
        } catch (ManualDispatchRequests.RequestRefused refused) {
            Optional<MeritOrderAllocation.Allocation> a = refused.allocation();
            return new DispatchRequestPayload(MutationStatus.REFUSED, null, null, Double.isFinite(requested) ? requested : 0,
                    a.map(DispatchMutationController::allocations).orElse(List.of()), a.map(x -> x.totalMw()).orElse(0.0),
                    a.map(x -> x.unmetMw()).orElse(Double.isFinite(requested) ? requested : 0),
                    List.of(UserError.from(refused.rejection(), INPUT)));
        } catch (CommandExecutionException e) {
            CommandRejection rejection = UserError.rejectionIn(e).orElseThrow(() -> e);
            return new DispatchRequestPayload(MutationStatus.REFUSED, null, null, requested, List.of(), 0, requested,
                    List.of(UserError.from(rejection, INPUT, field -> field.equals("requested") ? "powerMw" : field)));
        }
    }

    @MutationMapping
    public DispatchPayload cancelDispatch(@Argument CancelDispatchInput input) {
        Optional<UserError> badId = Ids.dispatchProblem(INPUT + "id", input.id());
        if (badId.isPresent()) return new DispatchPayload(MutationStatus.REFUSED, null, null, List.of(badId.get()));
        DispatchId id = DispatchId.of(input.id());
        Optional<DispatchView> current = reads.current(id);
        if (current.isEmpty()) {
            return new DispatchPayload(MutationStatus.REFUSED, null, null,
                    List.of(new UserError(INPUT + "id", RejectionCode.NOT_FOUND, "no dispatch " + id)));
        }
        try {
            long version = commands.sendAndWait(new CancelDispatch(id, clock.instant(), input.reason()));
            ReadYourWrites.Seen<DispatchView> seen = reads.await(id, version);
            return new DispatchPayload(seen.caughtUp() ? MutationStatus.APPLIED : MutationStatus.PENDING, seen.version(),
                    seen.view(), List.of());
        } catch (CommandExecutionException e) {
            CommandRejection rejection = UserError.rejectionIn(e).orElseThrow(() -> e);
            return new DispatchPayload(MutationStatus.REFUSED, current.get().version(), current.get(),
                    List.of(UserError.from(rejection, INPUT, field -> field.equals("reason") ? "reason" : "id")));
        }
    }

    private static List<DispatchQueryController.AllocationRow> allocations(MeritOrderAllocation.Allocation a) {
        return a.allocations().stream().map(x -> new DispatchQueryController.AllocationRow(x.assetId(), x.powerMw(),
                x.marginalCostEurPerMwh(), x.headroomMw())).toList();
    }
}
