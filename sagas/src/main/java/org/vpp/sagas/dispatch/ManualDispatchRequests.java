package org.vpp.sagas.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.vpp.kernel.Megawatts;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.common.CommandRejection;
import org.vpp.messages.common.PlainText;
import org.vpp.messages.common.RejectionCode;
import org.vpp.messages.dispatch.AssetAllocation;
import org.vpp.messages.dispatch.DispatchId;
import org.vpp.messages.dispatch.DispatchKind;
import org.vpp.messages.dispatch.DispatchSlot;
import org.vpp.messages.dispatch.PlanDispatch;
import org.vpp.sagas.port.Contents;
import org.vpp.sagas.port.DispatchScopes;
import org.vpp.sagas.port.Devices;

/**
 * An operator's manual dispatch: P MW more (or less) under a node for a window, on top of the schedule. The
 * available capacity beneath is allocated by {@link ManualAllocation} (merit order, then headroom), the plan is
 * stored, and the dispatch is planned like any other; {@link DispatchSaga} runs it. The answer lists the allocation per
 * asset, the total and the unmet demand. A request nothing can serve plans no dispatch: it is refused with the
 * allocation it got (none), so the operator sees why.
 */
public final class ManualDispatchRequests {

    /** A window of at most a week, as the Dispatch allows. */
    public static final Duration MAX_WINDOW = Duration.ofDays(7);
    public static final int MAX_REASON_LENGTH = 500;

    private final DispatchScopes scopes;
    private final Devices devices;
    private final Contents contents;
    private final CommandGateway commands;
    private final Supplier<String> ids;
    private final Duration slotLength;

    public ManualDispatchRequests(DispatchScopes scopes, Devices devices, Contents contents, CommandGateway commands,
                                  Supplier<String> ids, Duration slotLength) {
        this.scopes = scopes;
        this.devices = devices;
        this.contents = contents;
        this.commands = commands;
        this.ids = ids;
        this.slotLength = slotLength;
    }

    public record Request(String nodeId, double powerMw, Instant start, Instant end, String reason) {
    }

    /** @param version the Dispatch's version after planning, for read-your-writes */
    public record Requested(DispatchId dispatchId, long version, MeritOrderAllocation.Allocation allocation) {
    }

    /** A request refused before any dispatch was planned: the field at fault and, when it got that far, the allocation. */
    public static final class RequestRefused extends RuntimeException {
        private final transient CommandRejection rejection;
        private final transient MeritOrderAllocation.Allocation allocation;

        RequestRefused(CommandRejection rejection, MeritOrderAllocation.Allocation allocation) {
            super(rejection.field() + ": " + rejection.message());
            this.rejection = rejection;
            this.allocation = allocation;
        }

        public CommandRejection rejection() {
            return rejection;
        }

        public Optional<MeritOrderAllocation.Allocation> allocation() {
            return Optional.ofNullable(allocation);
        }
    }

    public Requested request(Request request, Instant now) {
        validate(request, now).ifPresent(r -> {
            throw new RequestRefused(r, null);
        });
        DispatchScopes.Scope scope = scopes.under(request.nodeId()).orElseThrow(() -> new RequestRefused(
                CommandRejection.of("nodeId", RejectionCode.NOT_FOUND, "no asset " + request.nodeId()), null));
        if (!scope.kind().isGroup()) {
            throw new RequestRefused(CommandRejection.of("nodeId", RejectionCode.INVALID_VALUE, request.nodeId()
                    + " is a " + scope.kind() + "; a manual dispatch is asked of a group (portfolio, region or site)"), null);
        }
        int slots = (int) Duration.between(request.start(), request.end()).dividedBy(slotLength);
        List<String> controllable = scope.devices().stream().filter(DispatchDevice::controllable).map(DispatchDevice::id).toList();
        Map<String, double[]> base = scopes.marketSetpoints(controllable, request.start(), slotLength, slots);
        Map<String, DeviceCondition> conditions = devices.conditions(controllable, now);
        DispatchId id = DispatchId.manual(ids.get());
        ManualAllocation.ManualPlan manual = ManualAllocation.plan(id.value(), request.nodeId(), request.powerMw(),
                request.start(), slotLength, slots, scope.devices(), scope.groups(), base, conditions);
        MeritOrderAllocation.Allocation allocation = manual.allocation();
        if (allocation.allocations().isEmpty()) {
            throw new RequestRefused(CommandRejection.of("powerMw", RejectionCode.NOT_ALLOWED, "no asset under "
                    + request.nodeId() + " has headroom " + (request.powerMw() > 0 ? "upward" : "downward")
                    + " for the whole window (online, available, within power, state of charge and ramp limits)"), allocation);
        }
        ContentReference plan = contents.store("dispatch-plan", manual.plan(), now);
        List<DispatchSlot> dispatchSlots = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            dispatchSlots.add(new DispatchSlot(request.start().plus(slotLength.multipliedBy(i)),
                    Megawatts.of(allocation.totalMw()), null));
        }
        List<AssetAllocation> allocations = allocation.allocations().stream()
                .map(a -> new AssetAllocation(a.assetId(), Megawatts.of(a.powerMw()), a.marginalCostEurPerMwh(),
                        Megawatts.of(a.headroomMw()))).toList();
        Object version = commands.sendAndWait(new PlanDispatch(id, now, DispatchKind.MANUAL, null, request.nodeId(),
                slotLength, dispatchSlots, plan, manual.plan().devices().size(), Megawatts.of(request.powerMw()),
                allocations, Megawatts.of(allocation.unmetMw()), request.reason()));
        return new Requested(id, version instanceof Number n ? n.longValue() : -1, allocation);
    }

    /** The request's own shape, before anything is read: each refusal names its field. */
    Optional<CommandRejection> validate(Request request, Instant now) {
        if (!AssetId.isValid(request.nodeId())) return refuse("nodeId", "must be an asset id: " + request.nodeId());
        if (!Double.isFinite(request.powerMw()) || Math.abs(request.powerMw()) > TechnicalLimits.MAX_ABS_POWER_MW) {
            return refuse("powerMw", "must be finite and within +/-" + (long) TechnicalLimits.MAX_ABS_POWER_MW + " MW");
        }
        if (Math.abs(request.powerMw()) < 1e-6) return refuse("powerMw", "must not be zero");
        if (request.start() == null) return refuse("start", "is required");
        if (request.end() == null) return refuse("end", "is required");
        Instant currentSlot = Instant.ofEpochSecond(now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), slotLength.toSeconds()));
        if (Math.floorMod(request.start().getEpochSecond(), slotLength.toSeconds()) != 0 || request.start().getNano() != 0) {
            return refuse("start", "must be on the " + slotLength.toMinutes() + "-minute slot grid: " + request.start());
        }
        if (request.start().isBefore(currentSlot)) {
            return refuse("start", "must not be before the current slot, which started at " + currentSlot + ": " + request.start());
        }
        if (request.start().isAfter(now.plus(MAX_WINDOW))) {
            return refuse("start", "must lie within " + MAX_WINDOW.toDays() + " days of now (" + now + "): " + request.start());
        }
        if (!request.end().isAfter(request.start())) return refuse("end", "must be after start " + request.start());
        if (Math.floorMod(request.end().getEpochSecond(), slotLength.toSeconds()) != 0 || request.end().getNano() != 0) {
            return refuse("end", "must be on the " + slotLength.toMinutes() + "-minute slot grid: " + request.end());
        }
        if (Duration.between(request.start(), request.end()).compareTo(MAX_WINDOW) > 0) {
            return refuse("end", "the window may last at most " + MAX_WINDOW.toDays() + " days");
        }
        if (request.reason() != null && request.reason().length() > MAX_REASON_LENGTH) {
            return refuse("reason", "must be at most " + MAX_REASON_LENGTH + " characters");
        }
        if (request.reason() != null) {
            Optional<CommandRejection> text = PlainText.problem("reason", request.reason());
            if (text.isPresent()) return text;
        }
        return Optional.empty();
    }

    private static Optional<CommandRejection> refuse(String field, String message) {
        return Optional.of(CommandRejection.of(field, RejectionCode.INVALID_VALUE, message));
    }
}
