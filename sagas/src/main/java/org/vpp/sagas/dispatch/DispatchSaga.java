package org.vpp.sagas.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.dispatch.CompleteDispatch;
import org.vpp.messages.dispatch.DispatchCancelled;
import org.vpp.messages.dispatch.DispatchId;
import org.vpp.messages.dispatch.DispatchKind;
import org.vpp.messages.dispatch.DispatchPlanned;
import org.vpp.messages.dispatch.DispatchSettled;
import org.vpp.messages.dispatch.DispatchSlot;
import org.vpp.messages.dispatch.RecordSlotDelivery;
import org.vpp.messages.dispatch.RecordSlotDispatched;
import org.vpp.messages.dispatch.SettleDispatch;
import org.vpp.messages.dispatch.Shortfall;
import org.vpp.sagas.bidding.BiddingMarket;
import org.vpp.sagas.port.Contents;
import org.vpp.sagas.port.Devices;
import org.vpp.sagas.port.SettlementPrices;

/**
 * One dispatch, from its plan to its settlement, slot by slot on the application clock.
 * <ul>
 *   <li><b>Send</b>, {@code sendLead} before each slot: the plan's setpoints of the slot, the shortfalls foreseen from
 *       the devices' status and newest readings ({@link ShortfallRules}), re-dispatched to the nearest assets with
 *       headroom ({@link RedispatchPolicy}); the final setpoints go to the {@link Devices} port and the slot is
 *       recorded ({@code RecordSlotDispatched}: shortfalls, re-dispatches, what no asset could cover).</li>
 *   <li><b>Measure</b>, {@code measureGrace} after each slot: every device's mean metered power
 *       ({@link DeliveryMeasurement}), stored as content, and the slot's delivery recorded ({@code RecordSlotDelivery};
 *       the Dispatch decides the deviation).</li>
 *   <li><b>Complete and settle</b> once every slot that ran is measured: at the clearing and imbalance prices
 *       ({@link SettlementPrices}, waited for up to {@code settleWithin}, then the imbalance is priced at the clearing
 *       price and the settlement says so), by {@link DispatchSettlement}. The saga ends with the settlement.</li>
 *   <li><b>Cancel</b> (a manual dispatch): its setpoints are withdrawn from the cancellation on, so its assets
 *       return to their schedule; the slot in progress is still measured, and what ran is settled.</li>
 * </ul>
 * One persistent deadline at a time ({@link #STEP_DEADLINE}), at the next instant something is due; a step does
 * everything due at its instant, so a step that fires late (a restart, a slow poll) catches up in order. A step
 * that fails rolls back as a whole (setpoints, records, the saga's own state) and the deadline manager tries it
 * again; the Devices port and the Dispatch's steps are idempotent, so a step redone sends nothing twice.
 * Workflow state only: ids, counters, the content references of the measured slots, the deadline id.
 */
public class DispatchSaga {

    private static final Logger log = LoggerFactory.getLogger(DispatchSaga.class);
    static final String DISPATCH_ID = "dispatchId";
    public static final String STEP_DEADLINE = "dispatch-step";
    /** How often settlement looks again for imbalance prices not yet published. */
    static final Duration PRICE_RETRY = Duration.ofMinutes(15);
    static final String MEASUREMENT = "dispatch-measurement";
    static final String SETTLEMENT = "dispatch-settlement";

    private DispatchId dispatchId;
    private DispatchKind kind;
    private ContentReference plan;
    private Instant start;
    private Duration slotLength;
    private int slotCount;
    private double[] clearingPrices;
    private LocalDate deliveryDay;
    private int nextSend;
    private int nextMeasure;
    private Instant cancelledAt;
    private boolean completed;
    private List<ContentReference> measurements = new ArrayList<>();
    private String deadlineId;
    /** The number of the pending step deadline, carried as its payload ({@link StepDue}); 0 before the first. */
    private int step;

    public DispatchSaga() {
        // for Axon
    }

    @StartSaga
    @SagaEventHandler(associationProperty = DISPATCH_ID)
    public void on(DispatchPlanned planned, DispatchSettings settings, BiddingMarket market, DeadlineManager deadlines) {
        dispatchId = planned.dispatchId();
        kind = planned.kind();
        plan = planned.plan();
        start = planned.start();
        slotLength = planned.slotLength();
        slotCount = planned.slots().size();
        clearingPrices = new double[slotCount];
        for (int i = 0; i < slotCount; i++) {
            DispatchSlot slot = planned.slots().get(i);
            clearingPrices[i] = slot.clearingPrice() == null ? Double.NaN : slot.clearingPrice().value();
        }
        deliveryDay = planned.bidId() != null ? planned.bidId().deliveryDay()
                : LocalDate.ofInstant(start, market.rules().zone());
        Instant first = start.minus(settings.sendLead());
        scheduleStep(first.isAfter(planned.at()) ? first : planned.at(), deadlines);
    }

    @DeadlineHandler(deadlineName = STEP_DEADLINE)
    public void step(@Timestamp Instant now, Devices devices, Contents contents, SettlementPrices prices,
                     DispatchSettings settings, BiddingMarket market, CommandGateway commands, DeadlineManager deadlines,
                     DeadlineMessage<?> deadline) {
        if (deadline.getPayload() instanceof StepDue due && due.step() != step) {
            // Cancelled as it ran (an operator's cancel met it) and arrived after the cancel scheduled the next step:
            // running it would forget that step's deadline and start a second chain of steps.
            log.info("Dispatch {}: step deadline {} arrived while step {} is pending; ignored", dispatchId, due.step(), step);
            return;
        }
        // a deadline stored before steps were numbered has no payload: the pending one, as it always was
        deadlineId = null;
        run(now, devices, contents, prices, settings, market, commands, deadlines);
    }

    /** A step deadline's payload: which step it is, so a stale one is told from the pending one. */
    public record StepDue(int step) {
    }

    /** The operator's cancel: nothing of this dispatch applies from then on; what ran is still measured and settled. */
    @SagaEventHandler(associationProperty = DISPATCH_ID)
    public void on(DispatchCancelled cancelled, Devices devices, Contents contents, SettlementPrices prices,
                   DispatchSettings settings, BiddingMarket market, CommandGateway commands, DeadlineManager deadlines) {
        cancelledAt = cancelled.at();
        devices.withdraw(dispatchId, cancelled.at());
        cancelDeadline(deadlines);
        run(cancelled.at(), devices, contents, prices, settings, market, commands, deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = DISPATCH_ID)
    public void on(DispatchSettled settled, DeadlineManager deadlines) {
        cancelDeadline(deadlines);
    }

    // --- the step ---------------------------------------------------------------------------------------------------

    private void run(Instant now, Devices devices, Contents contents, SettlementPrices prices, DispatchSettings settings,
                     BiddingMarket market, CommandGateway commands, DeadlineManager deadlines) {
        DispatchPlan dispatchPlan = null;
        int running = runningSlots();
        while (nextSend < running && !slotStart(nextSend).minus(settings.sendLead()).isAfter(now)) {
            if (slotStart(nextSend + 1).isAfter(now)) {
                if (dispatchPlan == null) dispatchPlan = contents.read(plan, DispatchPlan.class);
                send(dispatchPlan, nextSend, now, devices, settings, commands);
            } else {
                if (dispatchPlan == null) dispatchPlan = contents.read(plan, DispatchPlan.class);
                missed(dispatchPlan, nextSend, now, commands);
            }
            nextSend++;
        }
        while (nextMeasure < nextSend && !slotStart(nextMeasure + 1).plus(settings.measureGrace()).isAfter(now)) {
            if (dispatchPlan == null) dispatchPlan = contents.read(plan, DispatchPlan.class);
            measure(dispatchPlan, nextMeasure, now, devices, contents, settings, commands);
            nextMeasure++;
        }
        if (nextMeasure >= running && nextSend >= running) {
            if (!completed) {
                commands.sendAndWait(new CompleteDispatch(dispatchId, now));
                completed = true;
            }
            if (dispatchPlan == null) dispatchPlan = contents.read(plan, DispatchPlan.class);
            if (!settle(dispatchPlan, now, contents, prices, settings, market, commands)) {
                scheduleStep(now.plus(PRICE_RETRY), deadlines);
            }
            return;
        }
        Instant nextSendAt = nextSend < running ? slotStart(nextSend).minus(settings.sendLead()) : null;
        Instant nextMeasureAt = nextMeasure < nextSend ? slotStart(nextMeasure + 1).plus(settings.measureGrace()) : null;
        Instant next = earliest(nextSendAt, nextMeasureAt);
        if (next == null) next = slotStart(running).plus(settings.measureGrace()); // the cancelled slot in progress
        scheduleStep(next.isAfter(now) ? next : now, deadlines);
    }

    private void send(DispatchPlan dispatchPlan, int slot, Instant now, Devices devices, DispatchSettings settings,
                      CommandGateway commands) {
        Map<String, Double> planned = new LinkedHashMap<>();
        for (DispatchDevice device : dispatchPlan.devices()) {
            if (!device.controllable()) continue;
            if (kind == DispatchKind.MARKET) {
                planned.put(device.id(), dispatchPlan.power(device.id(), slot));
            } else if (dispatchPlan.powerMw().containsKey(device.id()) || dispatchPlan.baseMw().containsKey(device.id())) {
                planned.put(device.id(), dispatchPlan.base(device.id(), slot) + dispatchPlan.power(device.id(), slot));
            }
        }
        Map<String, DeviceCondition> conditions = devices.conditions(planned.keySet(), now);
        List<Shortfall> shortfalls = ShortfallRules.foresee(dispatchPlan, slot, planned, conditions, now, settings);
        RedispatchPolicy.Covered covered = RedispatchPolicy.cover(dispatchPlan, slot, planned, shortfalls,
                heard(conditions, now, settings));
        Map<String, Double> setpoints = kind == DispatchKind.MARKET ? covered.setpointsMw() : deltas(dispatchPlan, slot, covered);
        int sent = devices.send(dispatchId, kind, slotStart(slot), slotStart(slot + 1), setpoints);
        commands.sendAndWait(new RecordSlotDispatched(dispatchId, now, slotStart(slot), sent, shortfalls,
                covered.redispatches(), Megawatts.of(covered.uncoveredMw())));
    }

    /**
     * A slot that was over before its setpoints could go out (the application or its database was down, or stalled,
     * past the slot's end): recorded as dispatched with no setpoint sent and everything the plan asked of the devices
     * uncovered, so the event store, not only the log, says so. It is then measured as it went.
     */
    private void missed(DispatchPlan dispatchPlan, int slot, Instant now, CommandGateway commands) {
        log.warn("Dispatch {}: the slot at {} was over before its setpoints could go out (now {}); recorded with none sent,"
                + " and measured as it went", dispatchId, slotStart(slot), now);
        double asked = 0;
        for (DispatchDevice device : dispatchPlan.devices()) {
            if (device.controllable()) asked += dispatchPlan.power(device.id(), slot);
        }
        commands.sendAndWait(new RecordSlotDispatched(dispatchId, now, slotStart(slot), 0, List.of(), List.of(),
                Megawatts.of(asked)));
    }

    /** A device silent for longer than {@code staleAfter} takes no re-dispatched power: it counts as unavailable. */
    private static Map<String, DeviceCondition> heard(Map<String, DeviceCondition> conditions, Instant now,
                                                      DispatchSettings settings) {
        Map<String, DeviceCondition> heard = new LinkedHashMap<>();
        conditions.forEach((id, c) -> {
            boolean silent = c.readingAt() == null || c.readingAt().isBefore(now.minus(settings.staleAfter()));
            heard.put(id, silent ? new DeviceCondition(id, c.online(), c.readingAt(), c.powerMw(), c.soc(), false) : c);
        });
        return heard;
    }

    /** A manual dispatch sends what it adds to each device's base: the final setpoint minus the base, where not zero. */
    private static Map<String, Double> deltas(DispatchPlan dispatchPlan, int slot, RedispatchPolicy.Covered covered) {
        Map<String, Double> deltas = new LinkedHashMap<>();
        covered.setpointsMw().forEach((id, mw) -> {
            double delta = mw - dispatchPlan.base(id, slot);
            if (Math.abs(delta) > 1e-9 || dispatchPlan.powerMw().containsKey(id)) deltas.put(id, delta);
        });
        return deltas;
    }

    private void measure(DispatchPlan dispatchPlan, int slot, Instant now, Devices devices, Contents contents,
                         DispatchSettings settings, CommandGateway commands) {
        Instant from = slotStart(slot);
        Instant to = slotStart(slot + 1);
        Map<String, Double> sent = devices.sent(dispatchId, from);
        List<String> ids = kind == DispatchKind.MARKET
                ? dispatchPlan.devices().stream().map(DispatchDevice::id).toList()
                : List.copyOf(sent.keySet());
        // A market dispatch's devices also follow the manual deltas of the slot: what is expected of each is both, and
        // the deltas' total is another dispatch's delivery (the perimeter correction).
        Map<String, Double> expected = new LinkedHashMap<>(sent);
        double manualDeltas = 0;
        if (kind == DispatchKind.MARKET) {
            for (Map.Entry<String, Double> delta : devices.manualDeltas(from, to).entrySet()) {
                expected.merge(delta.getKey(), delta.getValue(), Double::sum);
                manualDeltas += delta.getValue();
            }
        }
        DeliveryMeasurement.Measured measured = DeliveryMeasurement.measure(dispatchPlan, slot, expected,
                devices.metered(ids, from, to), manualDeltas, settings.maxCauses());
        ContentReference reference = contents.store(MEASUREMENT, new SlotMeasurement(from, dispatchPlan.targetMw()[slot],
                measured.deliveredMw(), measured.perAssetMw(), expected), now);
        measurements.add(reference);
        commands.sendAndWait(new RecordSlotDelivery(dispatchId, now, from, Megawatts.of(measured.deliveredMw()),
                measured.causes(), reference, measured.readings(), measured.devicesWithoutReadings()));
    }

    /** Settles when the prices are there, or past {@code settleWithin} with the clearing price; false: try again later. */
    private boolean settle(DispatchPlan dispatchPlan, Instant now, Contents contents, SettlementPrices prices,
                           DispatchSettings settings, BiddingMarket market, CommandGateway commands) {
        int running = runningSlots();
        Optional<List<SlotPrice>> published = running == 0 ? Optional.of(List.of())
                : prices.prices(market.zone(), start, slotLength, running, now);
        String note = "";
        List<SlotPrice> slotPrices;
        if (published.isPresent()) {
            slotPrices = published.get();
        } else if (now.isBefore(slotStart(running).plus(settings.settleWithin()))) {
            return false;
        } else {
            slotPrices = new ArrayList<>();
            for (int i = 0; i < running; i++) {
                slotPrices.add(new SlotPrice(slotStart(i), clearingPrices[i], clearingPrices[i], "UNKNOWN"));
            }
            note = "; no imbalance price was published within " + settings.settleWithin()
                    + ", so deviations are priced at the clearing price";
        }
        List<SlotPrice> settledAt = new ArrayList<>();
        for (SlotPrice price : slotPrices) {
            int i = (int) Duration.between(start, price.start()).dividedBy(slotLength);
            boolean cleared = kind == DispatchKind.MARKET && i >= 0 && i < slotCount && !Double.isNaN(clearingPrices[i]);
            // A market dispatch earns the price its bid cleared at, whatever the price feed says.
            settledAt.add(cleared ? new SlotPrice(price.start(), clearingPrices[i], price.imbalanceEurPerMwh(),
                    price.systemDirection()) : price);
        }
        List<SlotMeasurement> measured = measurements.stream().map(r -> contents.read(r, SlotMeasurement.class)).toList();
        DispatchSettlement.Settled settled = DispatchSettlement.settle(dispatchPlan, measured, settledAt);
        ContentReference perAsset = contents.store(SETTLEMENT, new SettledDevices(settled.devices()), now);
        commands.sendAndWait(new SettleDispatch(dispatchId, now, deliveryDay, settled.slots(), settled.groups(), perAsset,
                settled.revenueEur(), settled.imbalanceEur(), settled.pricing() + note));
        SagaLifecycle.end();
        return true;
    }

    // --- workflow ---------------------------------------------------------------------------------------------------

    private int runningSlots() {
        if (cancelledAt == null) return slotCount;
        int running = 0;
        while (running < slotCount && slotStart(running).isBefore(cancelledAt)) running++;
        return running;
    }

    private Instant slotStart(int slot) {
        return start.plus(slotLength.multipliedBy(slot));
    }

    private void scheduleStep(Instant at, DeadlineManager deadlines) {
        cancelDeadline(deadlines);
        deadlineId = deadlines.schedule(at, STEP_DEADLINE, new StepDue(++step));
    }

    private void cancelDeadline(DeadlineManager deadlines) {
        if (deadlineId != null) deadlines.cancelSchedule(STEP_DEADLINE, deadlineId);
        deadlineId = null;
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isBefore(b) ? a : b;
    }

    /** The per-device settlement, stored as content (a record, so the stored JSON names its one field). */
    public record SettledDevices(List<org.vpp.messages.dispatch.NodeSettlement> devices) {
        public SettledDevices {
            devices = List.copyOf(devices);
        }
    }
}
