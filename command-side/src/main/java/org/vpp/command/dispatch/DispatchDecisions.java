package org.vpp.command.dispatch;

import static org.vpp.command.common.Checks.firstLazily;
import static org.vpp.messages.common.RejectionCode.DUPLICATE;
import static org.vpp.messages.common.RejectionCode.INVALID_VALUE;
import static org.vpp.messages.common.RejectionCode.NOT_ALLOWED;
import static org.vpp.messages.common.RejectionCode.NOT_FOUND;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.vpp.command.common.Checks;
import org.vpp.command.common.Decision;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.common.CommandRejection;
import org.vpp.messages.common.RejectionCode;
import org.vpp.messages.dispatch.AssetAllocation;
import org.vpp.messages.dispatch.CancelDispatch;
import org.vpp.messages.dispatch.CompleteDispatch;
import org.vpp.messages.dispatch.DeviationCause;
import org.vpp.messages.dispatch.DispatchCancelled;
import org.vpp.messages.dispatch.DispatchCompleted;
import org.vpp.messages.dispatch.DispatchEvent;
import org.vpp.messages.dispatch.DispatchId;
import org.vpp.messages.dispatch.DispatchKind;
import org.vpp.messages.dispatch.DispatchPlanned;
import org.vpp.messages.dispatch.DispatchSettled;
import org.vpp.messages.dispatch.DispatchSlot;
import org.vpp.messages.dispatch.NodeSettlement;
import org.vpp.messages.dispatch.PlanDispatch;
import org.vpp.messages.dispatch.RecordSlotDelivery;
import org.vpp.messages.dispatch.RecordSlotDispatched;
import org.vpp.messages.dispatch.Redispatch;
import org.vpp.messages.dispatch.SettleDispatch;
import org.vpp.messages.dispatch.Shortfall;
import org.vpp.messages.dispatch.SlotDelivered;
import org.vpp.messages.dispatch.SlotDispatched;
import org.vpp.messages.dispatch.SlotSettlement;

/**
 * The Dispatch aggregate's decisions as pure functions: state (null before planning) and command in, events or a
 * rejection out. Instants come in the commands, from the application clock.
 * <ul>
 *   <li>Malformed input (a missing or non-finite value, an absurd power or price, slots off their grid, a timestamp
 *       far from the planning instant, control characters in text) is a rejected command naming the field.</li>
 *   <li>Steps are idempotent where a crash may repeat them: a slot dispatched or measured again, a completion or a
 *       settlement recorded again, change nothing (a saga step redone after a restart records nothing twice).</li>
 *   <li>Steps out of order are refused: measuring a slot the dispatch never ran, completing with slots unmeasured,
 *       settling before completion, cancelling a market dispatch (it delivers a cleared commitment: withdrawing it
 *       would only turn the whole commitment into imbalance).</li>
 * </ul>
 */
public final class DispatchDecisions {

    public static final int MAX_TEXT_LENGTH = 500;
    /** A manual window, or a market day with its 25 hours, at 15-minute slots: at most a week. */
    public static final int MAX_SLOTS = 7 * 96;
    /** A manual dispatch may be planned at most this far ahead; a slot may not start long before the planning. */
    public static final Duration MAX_AHEAD = Duration.ofDays(15);
    public static final double MAX_ABS_PRICE_EUR_PER_MWH = 100_000;
    /** Money per slot or per dispatch: far beyond any real delivery, well inside NUMERIC(14,2). */
    public static final BigDecimal MAX_ABS_EUR = new BigDecimal("1000000000000");
    static final double EPSILON_MW = 1e-6;

    private DispatchDecisions() {
    }

    public static Decision<DispatchEvent> plan(DispatchState state, PlanDispatch cmd) {
        if (cmd.dispatchId() == null) return reject("dispatchId", INVALID_VALUE, "is required");
        if (state != null) return reject("dispatchId", DUPLICATE, "the dispatch " + state.id() + " already exists");
        Optional<CommandRejection> refusal = firstLazily(
                () -> required("at", cmd.at()),
                () -> required("kind", cmd.kind()),
                () -> cmd.kind() == cmd.dispatchId().kind() ? Optional.empty()
                        : rejection("kind", INVALID_VALUE, "a " + cmd.dispatchId().kind() + " id names a "
                        + cmd.dispatchId().kind() + " dispatch, not " + cmd.kind()),
                () -> kindProblem(cmd),
                () -> AssetId.isValid(cmd.nodeId()) ? Optional.empty()
                        : rejection("nodeId", INVALID_VALUE, "must be an asset id: " + cmd.nodeId()),
                () -> cmd.slotLength() != null && cmd.slotLength().isPositive() && !cmd.slotLength().minusHours(1).isPositive()
                        && cmd.slotLength().toSeconds() % 60 == 0 && cmd.slotLength().getNano() == 0 ? Optional.empty()
                        : rejection("slotLength", INVALID_VALUE, "must be whole minutes between 1 minute and 1 hour: " + cmd.slotLength()),
                () -> slotsProblem(cmd),
                () -> required("plan", cmd.plan()),
                () -> cmd.deviceCount() >= 0 ? Optional.empty() : rejection("deviceCount", INVALID_VALUE, "must not be negative"),
                () -> text("reason", cmd.reason(), false));
        if (refusal.isPresent()) return Decision.reject(refusal.get());
        return Decision.accept(new DispatchPlanned(cmd.dispatchId(), cmd.at(), cmd.kind(), cmd.bidId(), cmd.nodeId(),
                cmd.slotLength(), cmd.slots(), cmd.plan(), cmd.deviceCount(), cmd.requested(), cmd.allocations(),
                cmd.unmet() == null ? Megawatts.ZERO : cmd.unmet(), cmd.reason()));
    }

    public static Decision<DispatchEvent> recordDispatched(DispatchState state, RecordSlotDispatched cmd) {
        Optional<CommandRejection> refusal = firstLazily(
                () -> exists(state, cmd.dispatchId()),
                () -> required("at", cmd.at()),
                () -> slotOf(state, "slotStart", cmd.slotStart()),
                () -> state.completed() ? rejection("dispatchId", NOT_ALLOWED, "the dispatch is completed") : Optional.empty(),
                () -> state.cancelled() && !cmd.slotStart().isBefore(state.cancelledAt())
                        ? rejection("slotStart", NOT_ALLOWED, "the dispatch was cancelled at " + state.cancelledAt())
                        : Optional.empty(),
                () -> cmd.setpointsSent() >= 0 ? Optional.empty() : rejection("setpointsSent", INVALID_VALUE, "must not be negative"),
                () -> shortfallsProblem(cmd.shortfalls()),
                () -> redispatchesProblem(cmd.redispatches()),
                () -> power("uncovered", cmd.uncovered()));
        if (refusal.isPresent()) return Decision.reject(refusal.get());
        if (state.dispatched().contains(cmd.slotStart())) return Decision.nothingToDo();
        return Decision.accept(new SlotDispatched(state.id(), cmd.at(), cmd.slotStart(), cmd.setpointsSent(),
                cmd.shortfalls(), cmd.redispatches(), cmd.uncovered()));
    }

    public static Decision<DispatchEvent> recordDelivery(DispatchState state, RecordSlotDelivery cmd) {
        Optional<CommandRejection> refusal = firstLazily(
                () -> exists(state, cmd.dispatchId()),
                () -> required("at", cmd.at()),
                () -> slotOf(state, "slotStart", cmd.slotStart()),
                () -> state.cancelled() && !cmd.slotStart().isBefore(state.cancelledAt())
                        ? rejection("slotStart", NOT_ALLOWED, "the slot starts after the cancellation at " + state.cancelledAt())
                        : Optional.empty(),
                () -> cmd.at().isBefore(cmd.slotStart().plus(state.slotLength()))
                        ? rejection("at", NOT_ALLOWED, "a slot is measured after it ends at " + cmd.slotStart().plus(state.slotLength()))
                        : Optional.empty(),
                () -> power("delivered", cmd.delivered()),
                () -> causesProblem(cmd.causes()),
                () -> required("perAsset", cmd.perAsset()),
                () -> cmd.readings() >= 0 && cmd.devicesWithoutReadings() >= 0 ? Optional.empty()
                        : rejection("readings", INVALID_VALUE, "counts must not be negative"));
        if (refusal.isPresent()) return Decision.reject(refusal.get());
        if (state.measured().containsKey(cmd.slotStart())) return Decision.nothingToDo();
        Megawatts target = state.slot(cmd.slotStart()).target();
        Megawatts deviation = Megawatts.of(cmd.delivered().value() - target.value());
        return Decision.accept(new SlotDelivered(state.id(), cmd.at(), cmd.slotStart(), target, cmd.delivered(), deviation,
                cmd.causes(), cmd.perAsset(), cmd.readings(), cmd.devicesWithoutReadings()));
    }

    public static Decision<DispatchEvent> cancel(DispatchState state, CancelDispatch cmd) {
        Optional<CommandRejection> refusal = firstLazily(
                () -> exists(state, cmd.dispatchId()),
                () -> required("at", cmd.at()),
                () -> state.kind() == DispatchKind.MARKET
                        ? rejection("id", NOT_ALLOWED, "a market dispatch delivers what the market cleared; cancelling it"
                        + " would turn the whole commitment into imbalance. Request a manual dispatch to move power instead")
                        : Optional.empty(),
                () -> state.cancelled() ? rejection("id", NOT_ALLOWED, "already cancelled at " + state.cancelledAt()) : Optional.empty(),
                () -> state.completed() || !cmd.at().isBefore(state.end())
                        ? rejection("id", NOT_ALLOWED, "the dispatch is over (it ended at " + state.end() + ")") : Optional.empty(),
                () -> cmd.at().isBefore(state.plannedAt())
                        ? rejection("at", INVALID_VALUE, "is before the dispatch was planned at " + state.plannedAt()) : Optional.empty(),
                () -> text("reason", cmd.reason(), true));
        if (refusal.isPresent()) return Decision.reject(refusal.get());
        return Decision.accept(new DispatchCancelled(state.id(), cmd.at(), cmd.reason()));
    }

    public static Decision<DispatchEvent> complete(DispatchState state, CompleteDispatch cmd) {
        Optional<CommandRejection> refusal = firstLazily(
                () -> exists(state, cmd.dispatchId()),
                () -> required("at", cmd.at()));
        if (refusal.isPresent()) return Decision.reject(refusal.get());
        if (state.completed()) return Decision.nothingToDo();
        List<DispatchSlot> running = state.runningSlots();
        Optional<DispatchSlot> unmeasured = running.stream().filter(s -> !state.measured().containsKey(s.start())).findFirst();
        if (unmeasured.isPresent()) {
            return reject("dispatchId", NOT_ALLOWED, "the slot at " + unmeasured.get().start() + " is not measured yet");
        }
        double mean = running.stream().mapToDouble(s -> state.measured().get(s.start())).average().orElse(0);
        return Decision.accept(new DispatchCompleted(state.id(), cmd.at(), running.size(), Megawatts.of(mean)));
    }

    public static Decision<DispatchEvent> settle(DispatchState state, SettleDispatch cmd) {
        Optional<CommandRejection> refusal = firstLazily(
                () -> exists(state, cmd.dispatchId()),
                () -> required("at", cmd.at()),
                () -> state.completed() ? Optional.empty()
                        : rejection("dispatchId", NOT_ALLOWED, "a dispatch is settled once it is completed"),
                () -> required("deliveryDay", cmd.deliveryDay()),
                () -> required("perAsset", cmd.perAsset()),
                () -> settlementSlotsProblem(state, cmd.slots()),
                () -> nodesProblem(cmd.nodes()),
                () -> money("revenueEur", cmd.revenueEur()),
                () -> money("imbalanceEur", cmd.imbalanceEur()),
                () -> cmd.revenueEur().compareTo(sum(cmd.slots(), SlotSettlement::revenueEur)) == 0
                        ? Optional.empty() : rejection("revenueEur", INVALID_VALUE, "must be the sum of the slots' revenue"),
                () -> cmd.imbalanceEur().compareTo(sum(cmd.slots(), SlotSettlement::imbalanceEur)) == 0
                        ? Optional.empty() : rejection("imbalanceEur", INVALID_VALUE, "must be the sum of the slots' imbalance"),
                () -> text("pricing", cmd.pricing(), true));
        if (refusal.isPresent()) return Decision.reject(refusal.get());
        if (state.settled()) return Decision.nothingToDo();
        return Decision.accept(new DispatchSettled(state.id(), cmd.at(), cmd.deliveryDay(), cmd.slots(), cmd.nodes(),
                cmd.perAsset(), cmd.revenueEur(), cmd.imbalanceEur(), cmd.pricing()));
    }

    // --- rules -----------------------------------------------------------------------------------------------------

    private static Optional<CommandRejection> kindProblem(PlanDispatch cmd) {
        if (cmd.kind() == DispatchKind.MARKET) {
            if (cmd.bidId() == null) return rejection("bidId", INVALID_VALUE, "a market dispatch names its bid");
            if (!DispatchId.forBid(cmd.bidId()).equals(cmd.dispatchId())) {
                return rejection("dispatchId", INVALID_VALUE, "a market dispatch is named after its bid: " + DispatchId.forBid(cmd.bidId()));
            }
            return Optional.empty();
        }
        if (cmd.bidId() != null) return rejection("bidId", INVALID_VALUE, "a manual dispatch has no bid");
        return firstLazily(
                () -> required("requested", cmd.requested()),
                () -> power("requested", cmd.requested()),
                () -> Math.abs(cmd.requested().value()) > EPSILON_MW ? Optional.empty()
                        : rejection("requested", INVALID_VALUE, "must not be zero"),
                () -> power("unmet", cmd.unmet()),
                () -> allocationsProblem(cmd.allocations()));
    }

    private static Optional<CommandRejection> slotsProblem(PlanDispatch cmd) {
        List<DispatchSlot> slots = cmd.slots();
        if (slots == null || slots.isEmpty()) return rejection("slots", INVALID_VALUE, "at least one slot is required");
        if (slots.size() > MAX_SLOTS) return rejection("slots", INVALID_VALUE, "at most " + MAX_SLOTS + " slots, got " + slots.size());
        Instant first = slots.getFirst().start();
        if (first == null) return rejection("slots[0].start", INVALID_VALUE, "is required");
        if (first.isBefore(cmd.at().minus(MAX_AHEAD)) || first.isAfter(cmd.at().plus(MAX_AHEAD))) {
            return rejection("slots[0].start", INVALID_VALUE, "must lie within " + MAX_AHEAD.toDays()
                    + " days of the planning instant " + cmd.at() + ": " + first);
        }
        for (int i = 0; i < slots.size(); i++) {
            DispatchSlot slot = slots.get(i);
            String field = "slots[" + i + "]";
            if (slot == null) return rejection(field, INVALID_VALUE, "is required");
            Instant expected = first.plus(cmd.slotLength().multipliedBy(i));
            if (!expected.equals(slot.start())) {
                return rejection(field + ".start", INVALID_VALUE, "slots must follow each other every " + cmd.slotLength()
                        + ": expected " + expected + ", got " + slot.start());
            }
            Optional<CommandRejection> target = power(field + ".target", slot.target());
            if (target.isPresent()) return target;
            if (cmd.kind() == DispatchKind.MARKET) {
                EurPerMwh price = slot.clearingPrice();
                if (price == null || !Double.isFinite(price.value()) || Math.abs(price.value()) > MAX_ABS_PRICE_EUR_PER_MWH) {
                    return rejection(field + ".clearingPrice", INVALID_VALUE, "a market slot needs a finite clearing price"
                            + " within +/-" + MAX_ABS_PRICE_EUR_PER_MWH + " EUR/MWh: " + price);
                }
            } else if (slot.clearingPrice() != null) {
                return rejection(field + ".clearingPrice", INVALID_VALUE, "a manual slot has no clearing price");
            }
        }
        Instant end = slots.getLast().start().plus(cmd.slotLength());
        if (!end.isAfter(cmd.at())) {
            return rejection("slots", NOT_ALLOWED, "the dispatch would end at " + end + ", before it is planned at " + cmd.at());
        }
        return Optional.empty();
    }

    private static Optional<CommandRejection> allocationsProblem(List<AssetAllocation> allocations) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < allocations.size(); i++) {
            AssetAllocation a = allocations.get(i);
            String field = "allocations[" + i + "]";
            if (a == null || !AssetId.isValid(a.assetId())) return rejection(field + ".assetId", INVALID_VALUE, "must be an asset id");
            if (!seen.add(a.assetId())) return rejection(field + ".assetId", DUPLICATE, "is allocated twice: " + a.assetId());
            Optional<CommandRejection> p = Checks.firstOf(power(field + ".power", a.power()), power(field + ".headroom", a.headroom()));
            if (p.isPresent()) return p;
            if (!Double.isFinite(a.marginalCostEurPerMwh()) || Math.abs(a.marginalCostEurPerMwh()) > MAX_ABS_PRICE_EUR_PER_MWH) {
                return rejection(field + ".marginalCostEurPerMwh", INVALID_VALUE, "must be finite within +/-" + MAX_ABS_PRICE_EUR_PER_MWH);
            }
        }
        return Optional.empty();
    }

    private static Optional<CommandRejection> shortfallsProblem(List<Shortfall> shortfalls) {
        if (shortfalls == null) return rejection("shortfalls", INVALID_VALUE, "is required (empty when none)");
        for (int i = 0; i < shortfalls.size(); i++) {
            Shortfall s = shortfalls.get(i);
            String field = "shortfalls[" + i + "]";
            if (s == null || !AssetId.isValid(s.assetId()) || s.cause() == null) {
                return rejection(field, INVALID_VALUE, "needs an asset id and a cause");
            }
            Optional<CommandRejection> p = power(field + ".missing", s.missing());
            if (p.isPresent()) return p;
        }
        return Optional.empty();
    }

    private static Optional<CommandRejection> redispatchesProblem(List<Redispatch> redispatches) {
        if (redispatches == null) return rejection("redispatches", INVALID_VALUE, "is required (empty when none)");
        for (int i = 0; i < redispatches.size(); i++) {
            Redispatch r = redispatches.get(i);
            String field = "redispatches[" + i + "]";
            if (r == null || !AssetId.isValid(r.fromAssetId()) || !AssetId.isValid(r.toAssetId())) {
                return rejection(field, INVALID_VALUE, "needs the asset ids it moves power between");
            }
            Optional<CommandRejection> p = Checks.firstOf(power(field + ".power", r.power()), text(field + ".level", r.level(), true));
            if (p.isPresent()) return p;
        }
        return Optional.empty();
    }

    private static Optional<CommandRejection> causesProblem(List<DeviationCause> causes) {
        if (causes == null) return rejection("causes", INVALID_VALUE, "is required (empty when none)");
        for (int i = 0; i < causes.size(); i++) {
            DeviationCause c = causes.get(i);
            String field = "causes[" + i + "]";
            if (c == null) return rejection(field, INVALID_VALUE, "is required");
            if (c.assetId() != null && !AssetId.isValid(c.assetId())) return rejection(field + ".assetId", INVALID_VALUE, "must be an asset id");
            Optional<CommandRejection> p = Checks.firstOf(power(field + ".deviation", c.deviation()), text(field + ".cause", c.cause(), true));
            if (p.isPresent()) return p;
        }
        return Optional.empty();
    }

    private static Optional<CommandRejection> settlementSlotsProblem(DispatchState state, List<SlotSettlement> slots) {
        if (slots == null) return rejection("slots", INVALID_VALUE, "is required");
        Set<Instant> seen = new HashSet<>();
        for (int i = 0; i < slots.size(); i++) {
            SlotSettlement s = slots.get(i);
            String field = "slots[" + i + "]";
            if (s == null || s.start() == null) return rejection(field + ".start", INVALID_VALUE, "is required");
            if (!state.measured().containsKey(s.start())) {
                return rejection(field + ".start", NOT_ALLOWED, "no measured slot of the dispatch starts at " + s.start());
            }
            if (!seen.add(s.start())) return rejection(field + ".start", DUPLICATE, "is settled twice");
            for (double v : new double[] {s.targetMwh(), s.deliveredMwh(), s.deviationMwh()}) {
                if (!Double.isFinite(v) || Math.abs(v) > TechnicalLimits.MAX_ABS_POWER_MW * 24) {
                    return rejection(field, INVALID_VALUE, "energies must be finite and physically plausible");
                }
            }
            for (double p : new double[] {s.clearingPriceEurPerMwh(), s.imbalancePriceEurPerMwh()}) {
                if (!Double.isFinite(p) || Math.abs(p) > MAX_ABS_PRICE_EUR_PER_MWH) {
                    return rejection(field, INVALID_VALUE, "prices must be finite within +/-" + MAX_ABS_PRICE_EUR_PER_MWH + " EUR/MWh");
                }
            }
            Optional<CommandRejection> m = Checks.firstOf(money(field + ".revenueEur", s.revenueEur()),
                    money(field + ".imbalanceEur", s.imbalanceEur()));
            if (m.isPresent()) return m;
        }
        if (seen.size() != state.runningSlots().size()) {
            return rejection("slots", INVALID_VALUE, "every slot the dispatch ran is settled: expected "
                    + state.runningSlots().size() + ", got " + seen.size());
        }
        return Optional.empty();
    }

    private static Optional<CommandRejection> nodesProblem(List<NodeSettlement> nodes) {
        if (nodes == null) return rejection("nodes", INVALID_VALUE, "is required");
        for (int i = 0; i < nodes.size(); i++) {
            NodeSettlement n = nodes.get(i);
            String field = "nodes[" + i + "]";
            if (n == null || !AssetId.isValid(n.nodeId())) return rejection(field + ".nodeId", INVALID_VALUE, "must be an asset id");
            Optional<CommandRejection> m = Checks.firstOf(money(field + ".revenueEur", n.revenueEur()),
                    money(field + ".imbalanceEur", n.imbalanceEur()));
            if (m.isPresent()) return m;
        }
        return Optional.empty();
    }

    // --- checks ----------------------------------------------------------------------------------------------------

    private static Optional<CommandRejection> exists(DispatchState state, DispatchId id) {
        return state == null ? rejection("dispatchId", NOT_FOUND, "no dispatch " + id) : Optional.empty();
    }

    private static Optional<CommandRejection> slotOf(DispatchState state, String field, Instant start) {
        if (start == null) return rejection(field, INVALID_VALUE, "is required");
        return state.slot(start) == null
                ? rejection(field, INVALID_VALUE, "no slot of the dispatch starts at " + start) : Optional.empty();
    }

    private static Optional<CommandRejection> power(String field, Megawatts value) {
        if (value == null) return rejection(field, INVALID_VALUE, "is required");
        if (!Double.isFinite(value.value()) || Math.abs(value.value()) > TechnicalLimits.MAX_ABS_POWER_MW) {
            return rejection(field, INVALID_VALUE, "must be finite and within +/-" + (long) TechnicalLimits.MAX_ABS_POWER_MW
                    + " MW: " + value.value());
        }
        return Optional.empty();
    }

    private static Optional<CommandRejection> money(String field, BigDecimal value) {
        if (value == null) return rejection(field, INVALID_VALUE, "is required");
        if (value.abs().compareTo(MAX_ABS_EUR) > 0 || value.scale() > 2) {
            return rejection(field, INVALID_VALUE, "must be in cents within +/-" + MAX_ABS_EUR.toPlainString() + " EUR: " + value);
        }
        return Optional.empty();
    }

    private static Optional<CommandRejection> text(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            return required ? rejection(field, INVALID_VALUE, "is required") : Optional.empty();
        }
        if (value.length() > MAX_TEXT_LENGTH) return rejection(field, INVALID_VALUE, "must be at most " + MAX_TEXT_LENGTH + " characters");
        return Checks.plainText(field, value);
    }

    private static Optional<CommandRejection> required(String field, Object value) {
        return value == null ? rejection(field, INVALID_VALUE, "is required") : Optional.empty();
    }

    private static BigDecimal sum(List<SlotSettlement> slots, java.util.function.Function<SlotSettlement, BigDecimal> amount) {
        return slots.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Optional<CommandRejection> rejection(String field, RejectionCode code, String message) {
        return Optional.of(CommandRejection.of(field, code, message));
    }

    private static Decision<DispatchEvent> reject(String field, RejectionCode code, String message) {
        return Decision.reject(CommandRejection.of(field, code, message));
    }
}
