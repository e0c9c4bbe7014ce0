package org.vpp.command.bid;

import static org.vpp.command.common.Checks.firstLazily;
import static org.vpp.messages.common.RejectionCode.DUPLICATE;
import static org.vpp.messages.common.RejectionCode.INVALID_VALUE;
import static org.vpp.messages.common.RejectionCode.NOT_ALLOWED;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.vpp.command.common.Checks;
import org.vpp.command.common.Decision;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.AbortBiddingCycle;
import org.vpp.messages.bid.BidAccepted;
import org.vpp.messages.bid.BidDraftRefused;
import org.vpp.messages.bid.BidDrafted;
import org.vpp.messages.bid.BidEvent;
import org.vpp.messages.bid.BidInputsFetched;
import org.vpp.messages.bid.BidPartiallyAccepted;
import org.vpp.messages.bid.BidRejected;
import org.vpp.messages.bid.BidSlot;
import org.vpp.messages.bid.BidStatus;
import org.vpp.messages.bid.BidSubmissionRefused;
import org.vpp.messages.bid.BidSubmitted;
import org.vpp.messages.bid.BiddingCycleAborted;
import org.vpp.messages.bid.BiddingCycleClosed;
import org.vpp.messages.bid.BiddingCycleOpened;
import org.vpp.messages.bid.ClearedSlot;
import org.vpp.messages.bid.CloseBiddingCycle;
import org.vpp.messages.bid.DraftBid;
import org.vpp.messages.bid.FlexibilityBreach;
import org.vpp.messages.bid.ForecastReference;
import org.vpp.messages.bid.OpenBiddingCycle;
import org.vpp.messages.bid.PlannedSlot;
import org.vpp.messages.bid.RecordBidInputs;
import org.vpp.messages.bid.RecordMarketResult;
import org.vpp.messages.bid.RecordSchedule;
import org.vpp.messages.bid.SchedulePrepared;
import org.vpp.messages.bid.SlotFlexibility;
import org.vpp.messages.bid.SolverSettings;
import org.vpp.messages.bid.SubmissionRefusal;
import org.vpp.messages.bid.SubmitBid;
import org.vpp.messages.common.CommandRejection;
import org.vpp.messages.common.RejectionCode;

/**
 * The Bid aggregate's decisions as pure functions: the state (null for a cycle not yet opened) and the command in,
 * events or a rejection out. The instant of every step comes in the command, from the application clock; the gate
 * closure comes with the opening. Nothing here reads a clock.
 *
 * <p>Two kinds of "no", following STYLE.md habit 3:
 * <ul>
 *   <li><b>Refusals by the business are recorded facts</b> on the cycle, with their reason, and the command
 *       succeeds: a submission at or after gate closure and a second submission ({@link BidSubmissionRefused}),
 *       a draft beyond the fleet's available flexibility ({@link BidDraftRefused}, with every breached slot).
 *       They are part of the day's story: an auditor asks why no bid went out.</li>
 *   <li><b>Rejected commands</b> ({@link CommandRejection}, nothing recorded) for malformed input (missing or
 *       non-finite values, slots off the delivery grid, a hash that is not SHA-256), for steps out of the
 *       lifecycle's order (inputs, schedule, draft, submission, result, close) or on an ended cycle, for time
 *       going backwards, and for opening a day that already has a cycle ({@code DUPLICATE}). The last is the
 *       issue's "a cycle for a day that already has one": it is an identity conflict, not an event of that day's
 *       bid; the caller (a mutation, the saga's retry) gets it synchronously, and the existing cycle's history
 *       stays free of attempts that say nothing about its bid. Opening after gate closure is rejected for the
 *       same reason: no cycle exists to record it on.</li>
 * </ul>
 */
public final class BidDecisions {

    /** The market slots this bid speaks: quarter-hours and hours. */
    public static final Set<Duration> SLOT_LENGTHS = Set.of(Duration.ofMinutes(15), Duration.ofMinutes(60));
    /** The longest delivery day: the day clocks go back. */
    public static final Duration MAX_DELIVERY = Duration.ofHours(25);
    /** Local midnight lies between UTC-12 and UTC+14: the delivery day starts within this of its UTC midnight. */
    static final Duration EARLIEST_OFFSET = Duration.ofHours(14);
    static final Duration LATEST_OFFSET = Duration.ofHours(12);
    public static final int MAX_TEXT_LENGTH = 500;
    /** Quantities are compared to this tolerance (1 W) so that floating-point sums do not refuse exact bids. */
    static final double EPSILON_MW = 1e-6;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private BidDecisions() {
    }

    public static Decision<BidEvent> open(BidState state, OpenBiddingCycle cmd) {
        if (cmd.bidId() == null) return reject("bidId", INVALID_VALUE, "is required");
        if (state != null) {
            return reject("bidId", DUPLICATE, "the bidding cycle " + state.id() + " already exists; one cycle per zone and day");
        }
        Optional<CommandRejection> refusal = firstLazily(
                () -> required("openedAt", cmd.openedAt()),
                () -> required("deliveryStart", cmd.deliveryStart()),
                () -> required("deliveryEnd", cmd.deliveryEnd()),
                () -> required("gateClosure", cmd.gateClosure()),
                () -> slotLengthProblem(cmd.slotLength()),
                () -> deliveryProblem(cmd),
                () -> cmd.gateClosure().isAfter(cmd.deliveryStart())
                        ? rejection("gateClosure", INVALID_VALUE, "the gate must close before delivery starts at " + cmd.deliveryStart())
                        : Optional.empty(),
                () -> cmd.openedAt().isBefore(cmd.gateClosure()) ? Optional.empty()
                        : rejection("openedAt", NOT_ALLOWED, "the gate closed at " + cmd.gateClosure()
                                + "; a cycle opened at " + cmd.openedAt() + " could never bid"));
        if (refusal.isPresent()) return Decision.reject(refusal.get());
        return Decision.accept(new BiddingCycleOpened(cmd.bidId(), cmd.openedAt(), cmd.deliveryStart(), cmd.deliveryEnd(),
                cmd.slotLength(), cmd.gateClosure()));
    }

    public static Decision<BidEvent> recordInputs(BidState state, RecordBidInputs cmd) {
        Optional<CommandRejection> refusal = firstLazily(
                () -> phase(state, "fetch inputs", BidPhase.OPENED),
                () -> timeMovesOn(state, "fetchedAt", cmd.fetchedAt()),
                () -> required("fleetSnapshot", cmd.fleetSnapshot()),
                () -> cmd.deviceCount() >= 0 ? Optional.empty()
                        : rejection("deviceCount", INVALID_VALUE, "cannot be negative, got " + cmd.deviceCount()),
                () -> forecastProblem(cmd.priceForecast()),
                () -> required("deviceForecasts", cmd.deviceForecasts()),
                () -> onGrid(state, "flexibility", cmd.flexibility(), SlotFlexibility::start),
                () -> flexibilityProblem(cmd.flexibility()));
        if (refusal.isPresent()) return Decision.reject(refusal.get());
        return Decision.accept(new BidInputsFetched(state.id(), cmd.fetchedAt(), cmd.fleetSnapshot(), cmd.deviceCount(),
                cmd.priceForecast(), cmd.deviceForecasts(), cmd.flexibility()));
    }

    public static Decision<BidEvent> recordSchedule(BidState state, RecordSchedule cmd) {
        Optional<CommandRejection> refusal = firstLazily(
                () -> phase(state, "record a schedule", BidPhase.INPUTS_FETCHED),
                () -> timeMovesOn(state, "preparedAt", cmd.preparedAt()),
                () -> required("schedule", cmd.schedule()),
                () -> onGrid(state, "plan", cmd.plan(), PlannedSlot::start),
                () -> planProblem(cmd.plan()),
                () -> text("score", cmd.score()),
                () -> finite("expectedRevenueEur", cmd.expectedRevenueEur()),
                () -> cmd.gapToBound() == null || (Double.isFinite(cmd.gapToBound()) && cmd.gapToBound() >= 0)
                        ? Optional.empty()
                        : rejection("gapToBound", INVALID_VALUE, "must be a finite, non-negative fraction or absent, got " + cmd.gapToBound()),
                () -> solverProblem(cmd.solver()));
        if (refusal.isPresent()) return Decision.reject(refusal.get());
        return Decision.accept(new SchedulePrepared(state.id(), cmd.preparedAt(), cmd.schedule(), cmd.plan(),
                cmd.score().strip(), cmd.expectedRevenueEur(), cmd.gapToBound(), cmd.solver()));
    }

    /** A well-formed draft beyond the fleet's flexibility is refused as a fact; another draft may follow. */
    public static Decision<BidEvent> draft(BidState state, DraftBid cmd) {
        Optional<CommandRejection> refusal = firstLazily(
                () -> phase(state, "draft a bid", BidPhase.SCHEDULE_PREPARED, BidPhase.DRAFTED),
                () -> timeMovesOn(state, "draftedAt", cmd.draftedAt()),
                () -> onGrid(state, "slots", cmd.slots(), BidSlot::start),
                () -> bidSlotsProblem(cmd.slots()),
                () -> text("pricingRule", cmd.pricingRule()));
        if (refusal.isPresent()) return Decision.reject(refusal.get());
        List<FlexibilityBreach> breaches = breaches(cmd.slots(), state.flexibility());
        if (!breaches.isEmpty()) {
            return Decision.accept(new BidDraftRefused(state.id(), cmd.draftedAt(), cmd.slots(), breaches));
        }
        return Decision.accept(new BidDrafted(state.id(), cmd.draftedAt(), cmd.slots(), cmd.pricingRule().strip()));
    }

    /**
     * The bid must reach the market strictly before gate closure; at gate closure the market no longer takes it.
     * A second submission, or a late one, is recorded as {@link BidSubmissionRefused} and sends nothing.
     */
    public static Decision<BidEvent> submit(BidState state, SubmitBid cmd) {
        Optional<CommandRejection> refusal = firstLazily(
                () -> state != null && state.phase().compareTo(BidPhase.DRAFTED) < 0
                        ? rejection("bidId", NOT_ALLOWED, "cannot submit: nothing is drafted yet, the cycle is " + state.phase())
                        : phase(state, "submit", BidPhase.DRAFTED, BidPhase.SUBMITTED, BidPhase.CLEARED),
                () -> timeMovesOn(state, "sentAt", cmd.sentAt()));
        if (refusal.isPresent()) return Decision.reject(refusal.get());
        if (state.phase() != BidPhase.DRAFTED) {
            return Decision.accept(new BidSubmissionRefused(state.id(), cmd.sentAt(), SubmissionRefusal.ALREADY_SUBMITTED,
                    "the bid " + state.id() + " was already submitted; the market takes one bid per zone and day"));
        }
        if (!cmd.sentAt().isBefore(state.gateClosure())) {
            return Decision.accept(new BidSubmissionRefused(state.id(), cmd.sentAt(), SubmissionRefusal.GATE_CLOSED,
                    "sent at " + cmd.sentAt() + ", the gate closed at " + state.gateClosure()));
        }
        return Decision.accept(new BidSubmitted(state.id(), cmd.sentAt(), state.draft()));
    }

    /**
     * The market's answer becomes accepted (every offered slot cleared in full), rejected (nothing cleared) or
     * partially accepted. A slot cleared beyond its offer, or in the other direction, is malformed.
     */
    public static Decision<BidEvent> recordResult(BidState state, RecordMarketResult cmd) {
        Optional<CommandRejection> refusal = firstLazily(
                () -> phase(state, "record a market result", BidPhase.SUBMITTED),
                () -> timeMovesOn(state, "receivedAt", cmd.receivedAt()),
                () -> onGrid(state, "slots", cmd.slots(), ClearedSlot::start),
                () -> clearedProblem(cmd.slots(), state.draft()));
        if (refusal.isPresent()) return Decision.reject(refusal.get());
        boolean all = true;
        boolean none = true;
        for (int i = 0; i < cmd.slots().size(); i++) {
            double offered = state.draft().get(i).quantity().value();
            double cleared = cmd.slots().get(i).cleared().value();
            if (Math.abs(offered - cleared) > EPSILON_MW) all = false;
            if (Math.abs(cleared) > EPSILON_MW) none = false;
        }
        BidEvent result = all ? new BidAccepted(state.id(), cmd.receivedAt(), cmd.slots())
                : none ? new BidRejected(state.id(), cmd.receivedAt(), cmd.slots())
                : new BidPartiallyAccepted(state.id(), cmd.receivedAt(), cmd.slots());
        return Decision.accept(result);
    }

    public static Decision<BidEvent> close(BidState state, CloseBiddingCycle cmd) {
        Optional<CommandRejection> refusal = firstLazily(
                () -> phase(state, "close", BidPhase.CLEARED),
                () -> timeMovesOn(state, "closedAt", cmd.closedAt()));
        if (refusal.isPresent()) return Decision.reject(refusal.get());
        return Decision.accept(new BiddingCycleClosed(state.id(), cmd.closedAt(), state.outcome()));
    }

    /**
     * A cycle may be aborted until the market answers; after that, what cleared must be delivered. A conditional abort
     * ({@code onlyIfStillAt}) is refused once the cycle has recorded a later step.
     */
    public static Decision<BidEvent> abort(BidState state, AbortBiddingCycle cmd) {
        Optional<CommandRejection> refusal = firstLazily(
                () -> phase(state, "abort", BidPhase.OPENED, BidPhase.INPUTS_FETCHED, BidPhase.SCHEDULE_PREPARED,
                        BidPhase.DRAFTED, BidPhase.SUBMITTED),
                () -> stillAt(state, cmd.onlyIfStillAt()),
                () -> timeMovesOn(state, "abortedAt", cmd.abortedAt()),
                () -> text("reason", cmd.reason()));
        if (refusal.isPresent()) return Decision.reject(refusal.get());
        return Decision.accept(new BiddingCycleAborted(state.id(), cmd.abortedAt(), cmd.reason().strip()));
    }

    /** Every slot whose quantity goes beyond the flexibility in its direction: up for a sale, down for a purchase. */
    static List<FlexibilityBreach> breaches(List<BidSlot> slots, List<SlotFlexibility> flexibility) {
        List<FlexibilityBreach> breaches = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            BidSlot slot = slots.get(i);
            SlotFlexibility flex = flexibility.get(i);
            double q = slot.quantity().value();
            Megawatts available = q > 0 ? flex.up() : flex.down();
            if (Math.abs(q) > available.value() + EPSILON_MW) {
                breaches.add(new FlexibilityBreach(slot.start(), slot.quantity(), available));
            }
        }
        return breaches;
    }

    // --- the lifecycle and time ---------------------------------------------------------------------------------

    static Optional<CommandRejection> phase(BidState state, String step, BidPhase... allowed) {
        if (state == null) return rejection("bidId", NOT_ALLOWED, "cannot " + step + ": no bidding cycle is open");
        for (BidPhase p : allowed) {
            if (state.phase() == p) return Optional.empty();
        }
        if (state.phase().ended()) {
            return rejection("bidId", NOT_ALLOWED, "cannot " + step + ": the cycle " + state.id() + " is " + state.phase());
        }
        return rejection("bidId", NOT_ALLOWED, "cannot " + step + " when the cycle is " + state.phase()
                + "; allowed when " + List.of(allowed));
    }

    private static Optional<CommandRejection> stillAt(BidState state, BidStatus expected) {
        if (expected == null) return Optional.empty();
        BidStatus actual = switch (state.phase()) {
            case OPENED -> BidStatus.OPEN;
            case INPUTS_FETCHED -> BidStatus.INPUTS_FETCHED;
            case SCHEDULE_PREPARED -> BidStatus.SCHEDULED;
            case DRAFTED -> BidStatus.DRAFTED;
            case SUBMITTED -> BidStatus.SUBMITTED;
            case CLEARED, CLOSED, ABORTED -> null; // refused by the phase check before this one
        };
        return actual == expected ? Optional.empty() : rejection("onlyIfStillAt", NOT_ALLOWED,
                "the cycle has moved on from " + expected + " to " + actual + ": the abort was meant for a step now done");
    }

    static Optional<CommandRejection> timeMovesOn(BidState state, String field, Instant at) {
        if (at == null) return rejection(field, INVALID_VALUE, "is required");
        return at.isBefore(state.lastStepAt())
                ? rejection(field, NOT_ALLOWED, "time went backwards: " + at + " is before the last step at " + state.lastStepAt())
                : Optional.empty();
    }

    // --- shapes of the inputs -----------------------------------------------------------------------------------

    private static Optional<CommandRejection> slotLengthProblem(Duration slotLength) {
        return slotLength != null && SLOT_LENGTHS.contains(slotLength) ? Optional.empty()
                : rejection("slotLength", INVALID_VALUE, "must be PT15M or PT1H, got " + slotLength);
    }

    private static Optional<CommandRejection> deliveryProblem(OpenBiddingCycle cmd) {
        Instant utcMidnight = cmd.bidId().deliveryDay().atStartOfDay(ZoneOffset.UTC).toInstant();
        if (cmd.deliveryStart().isBefore(utcMidnight.minus(EARLIEST_OFFSET))
                || cmd.deliveryStart().isAfter(utcMidnight.plus(LATEST_OFFSET))) {
            return rejection("deliveryStart", INVALID_VALUE, cmd.deliveryStart() + " is not midnight of "
                    + cmd.bidId().deliveryDay() + " in any time zone");
        }
        Duration length = Duration.between(cmd.deliveryStart(), cmd.deliveryEnd());
        if (length.isNegative() || length.isZero() || length.compareTo(MAX_DELIVERY) > 0) {
            return rejection("deliveryEnd", INVALID_VALUE, "delivery must end after it starts and last at most "
                    + MAX_DELIVERY + ", got " + length);
        }
        if (length.toNanos() % cmd.slotLength().toNanos() != 0) {
            return rejection("deliveryEnd", INVALID_VALUE, "delivery of " + length + " is not a whole number of "
                    + cmd.slotLength() + " slots");
        }
        return Optional.empty();
    }

    /** One entry per delivery slot, in order, each starting where its slot starts. */
    private static <T> Optional<CommandRejection> onGrid(BidState state, String field, List<T> entries,
                                                         Function<T, Instant> start) {
        if (entries == null || entries.size() != state.slotCount()) {
            return rejection(field, INVALID_VALUE, "must hold one entry per delivery slot: " + state.slotCount()
                    + " expected, got " + (entries == null ? 0 : entries.size()));
        }
        for (int i = 0; i < entries.size(); i++) {
            T entry = entries.get(i);
            if (entry == null) return rejection(field + "[" + i + "]", INVALID_VALUE, "is required");
            if (!state.slotStart(i).equals(start.apply(entry))) {
                return rejection(field + "[" + i + "].start", INVALID_VALUE, "slot " + i + " starts at "
                        + state.slotStart(i) + ", got " + start.apply(entry));
            }
        }
        return Optional.empty();
    }

    private static Optional<CommandRejection> forecastProblem(ForecastReference forecast) {
        if (forecast == null || forecast.forecastId() == null) return rejection("priceForecast.forecastId", INVALID_VALUE, "is required");
        if (forecast.model() == null || forecast.model().isBlank()) return rejection("priceForecast.model", INVALID_VALUE, "is required");
        if (forecast.sha256() == null || !SHA256.matcher(forecast.sha256()).matches()) {
            return rejection("priceForecast.sha256", INVALID_VALUE, "must be 64 lower-case hex digits");
        }
        return Optional.empty();
    }

    private static Optional<CommandRejection> flexibilityProblem(List<SlotFlexibility> flexibility) {
        for (int i = 0; i < flexibility.size(); i++) {
            SlotFlexibility f = flexibility.get(i);
            Optional<CommandRejection> p = Checks.firstOf(magnitude("flexibility[" + i + "].up", f.up()),
                    magnitude("flexibility[" + i + "].down", f.down()));
            if (p.isPresent()) return p;
        }
        return Optional.empty();
    }

    private static Optional<CommandRejection> planProblem(List<PlannedSlot> plan) {
        for (int i = 0; i < plan.size(); i++) {
            Optional<CommandRejection> p = power("plan[" + i + "].power", plan.get(i).power());
            if (p.isPresent()) return p;
        }
        return Optional.empty();
    }

    private static Optional<CommandRejection> bidSlotsProblem(List<BidSlot> slots) {
        for (int i = 0; i < slots.size(); i++) {
            Optional<CommandRejection> p = Checks.firstOf(power("slots[" + i + "].quantity", slots.get(i).quantity()),
                    price("slots[" + i + "].limitPrice", slots.get(i).limitPrice()));
            if (p.isPresent()) return p;
        }
        return Optional.empty();
    }

    private static Optional<CommandRejection> clearedProblem(List<ClearedSlot> slots, List<BidSlot> offered) {
        for (int i = 0; i < slots.size(); i++) {
            ClearedSlot s = slots.get(i);
            Optional<CommandRejection> p = Checks.firstOf(power("slots[" + i + "].cleared", s.cleared()),
                    price("slots[" + i + "].clearingPrice", s.clearingPrice()));
            if (p.isPresent()) return p;
            double q = offered.get(i).quantity().value();
            double c = s.cleared().value();
            boolean sameDirection = Math.abs(c) <= EPSILON_MW || Math.signum(c) == Math.signum(q);
            if (!sameDirection || Math.abs(c) > Math.abs(q) + EPSILON_MW) {
                return rejection("slots[" + i + "].cleared", INVALID_VALUE, "cleared " + s.cleared()
                        + " is not within the offer of " + offered.get(i).quantity());
            }
        }
        return Optional.empty();
    }

    private static Optional<CommandRejection> solverProblem(SolverSettings solver) {
        if (solver == null) return rejection("solver", INVALID_VALUE, "is required");
        if (solver.solver() == null || solver.solver().isBlank()) return rejection("solver.solver", INVALID_VALUE, "is required");
        if (solver.timeBudget() == null || solver.timeBudget().isNegative() || solver.timeBudget().isZero()) {
            return rejection("solver.timeBudget", INVALID_VALUE, "must be a positive duration");
        }
        return Optional.empty();
    }

    private static Optional<CommandRejection> magnitude(String field, Megawatts mw) {
        if (mw == null || !Double.isFinite(mw.value())) return rejection(field, INVALID_VALUE, "must be a finite power");
        return mw.value() >= 0 ? Optional.empty() : rejection(field, INVALID_VALUE, "is a magnitude and cannot be negative, got " + mw);
    }

    private static Optional<CommandRejection> power(String field, Megawatts mw) {
        return mw != null && Double.isFinite(mw.value()) ? Optional.empty() : rejection(field, INVALID_VALUE, "must be a finite power");
    }

    private static Optional<CommandRejection> price(String field, EurPerMwh p) {
        return p != null && Double.isFinite(p.value()) ? Optional.empty() : rejection(field, INVALID_VALUE, "must be a finite price");
    }

    private static Optional<CommandRejection> finite(String field, double value) {
        return Double.isFinite(value) ? Optional.empty() : rejection(field, INVALID_VALUE, "must be finite, got " + value);
    }

    private static Optional<CommandRejection> text(String field, String value) {
        if (value == null || value.isBlank()) return rejection(field, INVALID_VALUE, "is required");
        if (value.length() > MAX_TEXT_LENGTH) return rejection(field, INVALID_VALUE, "at most " + MAX_TEXT_LENGTH + " characters");
        return Checks.plainText(field, value);
    }

    private static Optional<CommandRejection> required(String field, Object value) {
        return value != null ? Optional.empty() : rejection(field, INVALID_VALUE, "is required");
    }

    private static Optional<CommandRejection> rejection(String field, RejectionCode code, String message) {
        return Optional.of(CommandRejection.of(field, code, message));
    }

    private static Decision<BidEvent> reject(String field, RejectionCode code, String message) {
        return Decision.reject(CommandRejection.of(field, code, message));
    }
}
