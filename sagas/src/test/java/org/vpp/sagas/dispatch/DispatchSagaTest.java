package org.vpp.sagas.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vpp.sagas.dispatch.DispatchSaga.STEP_DEADLINE;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.test.saga.SagaTestFixture;
import org.axonframework.test.utils.RecordingCommandBus;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vpp.sagas.RecordingDeadlines;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.MarketRules;
import org.vpp.kernel.Megawatts;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.dispatch.AssetAllocation;
import org.vpp.messages.dispatch.CompleteDispatch;
import org.vpp.messages.dispatch.DispatchCancelled;
import org.vpp.messages.dispatch.DispatchId;
import org.vpp.messages.dispatch.DispatchKind;
import org.vpp.messages.dispatch.DispatchPlanned;
import org.vpp.messages.dispatch.DispatchSettled;
import org.vpp.messages.dispatch.DispatchSlot;
import org.vpp.messages.dispatch.RecordSlotDelivery;
import org.vpp.messages.dispatch.RecordSlotDispatched;
import org.vpp.messages.dispatch.Redispatch;
import org.vpp.messages.dispatch.SettleDispatch;
import org.vpp.messages.dispatch.Shortfall;
import org.vpp.messages.dispatch.ShortfallCause;
import org.vpp.sagas.bidding.BiddingMarket;
import org.vpp.sagas.port.SettlementPrices;

/**
 * The dispatch saga on fixed instants: every path (send, re-dispatch, unmet, measure, complete, settle, prices late,
 * prices never, cancel, a late step catching up) and each deadline, with the ports in memory.
 *
 * <p>The fleet: two 2 MW / 8 MWh batteries and a 0.5 MW load on one site; slot 1 (10:00-10:15 UTC) and slot 2
 * (10:15-10:30) each target 1 MW = bat-1 1 MW + bat-2 0.5 MW - load 0.5 MW. Settings: send 1 min ahead, measure
 * 5 min after, settle within 6 h.
 */
class DispatchSagaTest {

    static final BidId BID = BidId.of("DE-LU:2026-06-16");
    static final DispatchId MARKET = DispatchId.forBid(BID);
    static final DispatchId MANUAL = DispatchId.manual("op-7");
    static final Instant PLANNED_AT = Instant.parse("2026-06-16T09:00:00Z");
    static final Instant S1 = Instant.parse("2026-06-16T10:00:00Z");
    static final Duration Q = Duration.ofMinutes(15);
    static final Instant S2 = S1.plus(Q);
    static final Instant END = S2.plus(Q);
    static final DispatchSettings SETTINGS = new DispatchSettings(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(10), 0.01, 10, Duration.ofHours(6));
    static final TechnicalLimits BATTERY = TechnicalLimits.storage(-2, 2, 8, 1, 1, null, 0, 1, 0);

    private final SagaTestFixture<DispatchSaga> fixture = new SagaTestFixture<>(DispatchSaga.class);
    private final InMemoryDevices devices = new InMemoryDevices();
    private final InMemoryContents contents = new InMemoryContents();
    private final Prices prices = new Prices();
    private ContentReference marketPlan;

    @BeforeEach
    void setUp() {
        fixture.registerResource(devices);
        fixture.registerResource(contents);
        fixture.registerResource(prices);
        fixture.registerResource(SETTINGS);
        fixture.registerResource(new BiddingMarket("DE-LU", MarketRules.dayAhead(ZoneId.of("Europe/Berlin"), Q)));
        marketPlan = contents.put("dispatch-plan", marketPlanValue());
        devices.metered.putAll(Map.of("bat-1", 0.9, "bat-2", 0.5, "load-1", -0.5));
    }

    // --- a stale step deadline, outside the fixture (which cannot fire a cancelled deadline) ---------------------------

    /**
     * A step deadline cancelled as it ran (an operator's cancel met it) reaches the saga after the next step was
     * scheduled: it is not the pending step, so it does nothing; the pending one, and a deadline stored before steps
     * were numbered (no payload), do the step.
     */
    @Test
    void aStepDeadlineThatIsNotThePendingOneIsIgnored() {
        RecordingCommandBus bus = new RecordingCommandBus();
        CommandGateway commands = DefaultCommandGateway.builder().commandBus(bus).build();
        RecordingDeadlines deadlines = new RecordingDeadlines();
        BiddingMarket market = new BiddingMarket("DE-LU", MarketRules.dayAhead(ZoneId.of("Europe/Berlin"), Q));
        DispatchSaga saga = new DispatchSaga();
        saga.on(planned(), SETTINGS, market, deadlines);
        assertThat(deadlines.payloads).containsExactly(new DispatchSaga.StepDue(1));
        Instant due = S1.minusSeconds(60);

        saga.step(due, devices, contents, prices, SETTINGS, market, commands, deadlines,
                GenericDeadlineMessage.asDeadlineMessage(STEP_DEADLINE, new DispatchSaga.StepDue(7), due));
        assertThat(bus.getDispatchedCommands()).as("a stale step sends nothing").isEmpty();
        assertThat(devices.sends).isEmpty();
        assertThat(deadlines.payloads).as("and schedules nothing").hasSize(1);

        saga.step(due, devices, contents, prices, SETTINGS, market, commands, deadlines,
                GenericDeadlineMessage.asDeadlineMessage(STEP_DEADLINE, new DispatchSaga.StepDue(1), due));
        assertThat(bus.getDispatchedCommands()).extracting(m -> m.getPayload().getClass().getSimpleName()).containsExactly("RecordSlotDispatched");
        assertThat(deadlines.payloads).containsExactly(new DispatchSaga.StepDue(1), new DispatchSaga.StepDue(2));

        saga.step(S2.minusSeconds(60), devices, contents, prices, SETTINGS, market, commands, deadlines,
                GenericDeadlineMessage.asDeadlineMessage(STEP_DEADLINE, null, S2.minusSeconds(60)));
        assertThat(bus.getDispatchedCommands()).as("a deadline stored without a step number runs as the pending one")
                .hasSize(2);
    }

    // --- sending ---------------------------------------------------------------------------------------------------

    @Test
    void aPlannedDispatchSchedulesItsFirstStepJustBeforeItsFirstSlot() throws Exception {
        fixture.givenCurrentTime(PLANNED_AT)
                .whenPublishingA(planned())
                .expectActiveSagas(1)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(S1.minusSeconds(60), STEP_DEADLINE);
    }

    @Test
    void aSlotsSetpointsGoOutAtItsStepAndTheSlotIsRecordedThenTheNextSlotIsScheduled() throws Exception {
        fixture.givenCurrentTime(PLANNED_AT).andThenAPublished(planned())
                .whenTimeAdvancesTo(S1.minusSeconds(60))
                .expectDispatchedCommands(new RecordSlotDispatched(MARKET, S1.minusSeconds(60), S1, 2, List.of(),
                        List.of(), Megawatts.ZERO))
                .expectScheduledDeadlineWithName(S2.minusSeconds(60), STEP_DEADLINE);
        assertThat(devices.sends).hasSize(1);
        assertThat(devices.sends.getFirst().setpoints()).containsExactlyInAnyOrderEntriesOf(Map.of("bat-1", 1.0, "bat-2", 0.5));
        assertThat(devices.sends.getFirst().mode()).isEqualTo(DispatchKind.MARKET);
    }

    @Test
    void anOfflineBatteryIsCoveredByItsSiblingOnTheSameSite() throws Exception {
        // bat-1 offline: its 1 MW goes to bat-2, which runs at 0.5 MW and can reach 2 MW (4 MWh stored: 16 MW for
        // a quarter-hour by energy), so 1.5 MW of headroom covers it all.
        devices.conditions.put("bat-1", new DeviceCondition("bat-1", false, S1.minusSeconds(120), 0.0, 0.5, false));
        fixture.givenCurrentTime(PLANNED_AT).andThenAPublished(planned())
                .whenTimeAdvancesTo(S1.minusSeconds(60))
                .expectDispatchedCommands(new RecordSlotDispatched(MARKET, S1.minusSeconds(60), S1, 2,
                        List.of(new Shortfall("bat-1", Megawatts.of(1), ShortfallCause.OFFLINE)),
                        List.of(new Redispatch("bat-1", "bat-2", Megawatts.of(1), "SITE")), Megawatts.ZERO));
        assertThat(devices.sends.getFirst().setpoints()).containsEntry("bat-1", 0.0).containsEntry("bat-2", 1.5);
    }

    @Test
    void whatNoAssetCanCoverIsRecordedAsUncovered() throws Exception {
        // Both batteries offline, nothing else controllable: 1 + 0.5 = 1.5 MW uncovered.
        devices.conditions.put("bat-1", new DeviceCondition("bat-1", false, S1.minusSeconds(120), 0.0, 0.5, false));
        devices.conditions.put("bat-2", new DeviceCondition("bat-2", true, S1.minus(Duration.ofHours(1)), 0.0, 0.5, true));
        List<Object> commands = new ArrayList<>();
        fixture.givenCurrentTime(PLANNED_AT).andThenAPublished(planned())
                .whenTimeAdvancesTo(S1.minusSeconds(60))
                .expectDispatchedCommandsMatching(capture(commands));
        RecordSlotDispatched recorded = (RecordSlotDispatched) commands.getFirst();
        assertThat(recorded.shortfalls()).containsExactly(
                new Shortfall("bat-1", Megawatts.of(1), ShortfallCause.OFFLINE),
                new Shortfall("bat-2", Megawatts.of(0.5), ShortfallCause.NO_TELEMETRY));
        assertThat(recorded.redispatches()).isEmpty();
        assertThat(recorded.uncovered()).isEqualTo(Megawatts.of(1.5));
    }

    // --- measuring -------------------------------------------------------------------------------------------------

    @Test
    void aSlotIsMeasuredFromTheMetersAfterItsGraceAndTheNextSlotWentOutBefore() throws Exception {
        // Slot 1 metered: 0.9 + 0.5 - 0.5 = 0.9 MW, 15 readings each = 45.
        List<Object> commands = new ArrayList<>();
        fixture.givenCurrentTime(PLANNED_AT).andThenAPublished(planned())
                .andThenTimeAdvancesTo(S1.minusSeconds(60))
                .whenTimeAdvancesTo(S2.plus(Duration.ofMinutes(5)))
                .expectDispatchedCommandsMatching(capture(commands))
                .expectScheduledDeadlineWithName(END.plus(Duration.ofMinutes(5)), STEP_DEADLINE);
        assertThat(commands).hasSize(2);
        assertThat(commands.get(0)).isEqualTo(new RecordSlotDispatched(MARKET, S2.minusSeconds(60), S2, 2, List.of(),
                List.of(), Megawatts.ZERO));
        RecordSlotDelivery delivery = (RecordSlotDelivery) commands.get(1);
        assertThat(delivery.slotStart()).isEqualTo(S1);
        assertThat(delivery.at()).isEqualTo(S2.plus(Duration.ofMinutes(5)));
        assertThat(delivery.delivered().value()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(delivery.readings()).isEqualTo(45);
        assertThat(delivery.causes()).extracting(c -> c.assetId()).contains("bat-1");
        SlotMeasurement stored = contents.read(delivery.perAsset(), SlotMeasurement.class);
        assertThat(stored.sentMw()).containsEntry("bat-1", 1.0);
        assertThat(stored.perAssetMw()).containsEntry("bat-1", 0.9);
    }

    @Test
    void aManualDeltaOnTopOfAMarketSetpointIsAnotherDispatchsDeliveryNotADeviation() throws Exception {
        // An operator's dispatch adds 0.5 MW to bat-1 in slot 1: it meters 1.5 = its 1 MW setpoint + 0.5. The market
        // dispatch expects 1.5 of it, and delivered 1.5 + 0.5 - 0.5 - 0.5 (the delta, a perimeter correction) = 1.0,
        // its target: no deviation, and bat-1 is not named as a cause.
        devices.metered.put("bat-1", 1.5);
        devices.manualDeltas.put("bat-1", 0.5);
        List<Object> commands = new ArrayList<>();
        fixture.givenCurrentTime(PLANNED_AT).andThenAPublished(planned())
                .andThenTimeAdvancesTo(S1.minusSeconds(60))
                .whenTimeAdvancesTo(S2.plus(Duration.ofMinutes(5)))
                .expectDispatchedCommandsMatching(capture(commands));
        RecordSlotDelivery delivery = (RecordSlotDelivery) commands.get(1);
        assertThat(delivery.delivered().value()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(delivery.causes()).extracting(c -> c.assetId()).doesNotContain("bat-1");
        SlotMeasurement stored = contents.read(delivery.perAsset(), SlotMeasurement.class);
        assertThat(stored.sentMw()).as("what bat-1 was to deliver: setpoint and delta").containsEntry("bat-1", 1.5);
    }

    // --- completing and settling -----------------------------------------------------------------------------------

    @Test
    void afterTheLastSlotIsMeasuredTheDispatchCompletesSettlesToTheCentAndTheSagaEnds() throws Exception {
        prices.published = true;
        List<Object> commands = new ArrayList<>();
        fixture.givenCurrentTime(PLANNED_AT).andThenAPublished(planned())
                .whenTimeAdvancesTo(END.plus(Duration.ofMinutes(5)))
                .expectDispatchedCommandsMatching(capture(commands))
                .expectActiveSagas(0);
        assertThat(commands).hasSize(6);
        assertThat(commands.get(4)).isEqualTo(new CompleteDispatch(MARKET, END.plus(Duration.ofMinutes(5))));
        SettleDispatch settle = (SettleDispatch) commands.get(5);
        // Slot 1: 0.9 MW x 0.25 h = 0.225 MWh x 80 = 18.00; deviation -0.025 MWh x (100 - 80) = -0.50.
        // Slot 2: 0.225 MWh x 40 = 9.00; deviation -0.025 MWh x (30 - 40) = +0.25.
        assertThat(settle.revenueEur()).isEqualByComparingTo(new BigDecimal("27.00"));
        assertThat(settle.imbalanceEur()).isEqualByComparingTo(new BigDecimal("-0.25"));
        assertThat(settle.deliveryDay()).isEqualTo(BID.deliveryDay());
        assertThat(settle.slots()).extracting(s -> s.start()).containsExactly(S1, S2);
    }

    @Test
    void settlementWaitsForImbalancePricesAndLooksAgainEveryQuarterHour() throws Exception {
        List<Object> commands = new ArrayList<>();
        fixture.givenCurrentTime(PLANNED_AT).andThenAPublished(planned())
                .whenTimeAdvancesTo(END.plus(Duration.ofMinutes(5)))
                .expectDispatchedCommandsMatching(capture(commands))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(END.plus(Duration.ofMinutes(20)), STEP_DEADLINE);
        assertThat(commands).last().isInstanceOf(CompleteDispatch.class);
    }

    @Test
    void pricesThatNeverComeAreReplacedByTheClearingPriceAfterTheSettlementLimitAndTheSettlementSaysSo() throws Exception {
        List<Object> commands = new ArrayList<>();
        fixture.givenCurrentTime(PLANNED_AT).andThenAPublished(planned())
                .andThenTimeAdvancesTo(END.plus(Duration.ofMinutes(5)))
                .whenTimeAdvancesTo(END.plus(Duration.ofHours(6)).plus(Duration.ofMinutes(15)))
                .expectDispatchedCommandsMatching(capture(commands))
                .expectActiveSagas(0);
        SettleDispatch settle = (SettleDispatch) commands.getLast();
        assertThat(settle.pricing()).contains("priced at the clearing price");
        // Deviations at the clearing price cost nothing beyond the clearing price itself.
        assertThat(settle.imbalanceEur()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(settle.revenueEur()).isEqualByComparingTo(new BigDecimal("27.00"));
    }

    @Test
    void aStepThatFiresLateCatchesUpInOrderRecordingASlotThatIsAlreadyOverAsMissed() throws Exception {
        // Planned (e.g. recovered after a restart) 6 minutes into slot 2: slot 1 is over, slot 2 still runs.
        Instant late = S2.plus(Duration.ofMinutes(6));
        List<Object> commands = new ArrayList<>();
        fixture.givenCurrentTime(late).andThenAPublished(planned(late))
                .whenTimeAdvancesTo(late.plusSeconds(1))
                .expectDispatchedCommandsMatching(capture(commands));
        assertThat(commands).hasSize(3);
        // Slot 1 is in the event store as missed: nothing sent, all the plan asked of the controllable devices uncovered.
        assertThat(commands.get(0)).isEqualTo(new RecordSlotDispatched(MARKET, late, S1, 0, List.of(), List.of(), Megawatts.of(1.5)));
        assertThat(((RecordSlotDispatched) commands.get(1)).slotStart()).isEqualTo(S2);
        assertThat(((RecordSlotDispatched) commands.get(1)).setpointsSent()).isPositive();
        assertThat(((RecordSlotDelivery) commands.get(2)).slotStart()).isEqualTo(S1);
        assertThat(devices.sends).extracting(InMemoryDevices.Sent::slotStart).containsExactly(S2);
    }

    // --- manual dispatch and its cancellation ----------------------------------------------------------------------

    @Test
    void aManualDispatchSendsDeltasOnTopOfItsBase() throws Exception {
        fixture.givenCurrentTime(PLANNED_AT).andThenAPublished(manualPlanned())
                .whenTimeAdvancesTo(S1.minusSeconds(60))
                .expectDispatchedCommands(new RecordSlotDispatched(MANUAL, S1.minusSeconds(60), S1, 1, List.of(),
                        List.of(), Megawatts.ZERO));
        assertThat(devices.sends.getFirst().mode()).isEqualTo(DispatchKind.MANUAL);
        assertThat(devices.sends.getFirst().setpoints()).containsExactly(Map.entry("bat-1", 0.5));
    }

    @Test
    void aCancelledManualDispatchWithdrawsItsSetpointsMeasuresTheSlotInProgressAndSettlesWhatRan() throws Exception {
        prices.published = true;
        Instant cancelAt = S1.plus(Duration.ofMinutes(20)); // in slot 2
        List<Object> commands = new ArrayList<>();
        fixture.givenCurrentTime(PLANNED_AT).andThenAPublished(manualPlanned())
                .andThenTimeAdvancesTo(cancelAt)
                .andThenAPublished(new DispatchCancelled(MANUAL, cancelAt, "frequency restored"))
                .whenTimeAdvancesTo(S2.plus(Q).plus(Duration.ofMinutes(5)))
                .expectDispatchedCommandsMatching(capture(commands))
                .expectActiveSagas(0);
        assertThat(devices.withdrawals).containsExactly(cancelAt);
        assertThat(devices.sends).extracting(InMemoryDevices.Sent::slotStart).containsExactly(S1, S2);
        assertThat(commands).hasOnlyElementsOfTypes(RecordSlotDelivery.class, CompleteDispatch.class, SettleDispatch.class);
        assertThat(((SettleDispatch) commands.getLast()).slots()).hasSize(2);
    }

    @Test
    void theSettlementEndsTheSagaAlsoWhenItArrivesAsAnEvent() throws Exception {
        fixture.givenCurrentTime(PLANNED_AT).andThenAPublished(planned())
                .whenPublishingA(new DispatchSettled(MARKET, PLANNED_AT, BID.deliveryDay(), List.of(), List.of(),
                        marketPlan, BigDecimal.ZERO, BigDecimal.ZERO, "x"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    // --- the dispatch -------------------------------------------------------------------------------------------------

    private DispatchPlanned planned() {
        return planned(PLANNED_AT);
    }

    private DispatchPlanned planned(Instant at) {
        return new DispatchPlanned(MARKET, at, DispatchKind.MARKET, BID, "pf", Q,
                List.of(new DispatchSlot(S1, Megawatts.of(1), EurPerMwh.of(80)), new DispatchSlot(S2, Megawatts.of(1), EurPerMwh.of(40))),
                marketPlan, 3, null, List.of(), Megawatts.ZERO, null);
    }

    /** +0.5 MW from bat-1 on top of its 1 MW market setpoint, for four quarter-hours from 10:00. */
    private DispatchPlanned manualPlanned() {
        List<DispatchSlot> slots = new ArrayList<>();
        for (int i = 0; i < 4; i++) slots.add(new DispatchSlot(S1.plus(Q.multipliedBy(i)), Megawatts.of(0.5), null));
        DispatchPlan plan = new DispatchPlan(MANUAL.value(), DispatchKind.MANUAL, "site-1", S1, Q, 4, devicesOfTheSite(),
                groups(), Map.of("bat-1", new double[] {0.5, 0.5, 0.5, 0.5}), Map.of("bat-1", new double[] {1, 1, 1, 1}),
                Map.of(), new double[] {0.5, 0.5, 0.5, 0.5});
        ContentReference ref = contents.put("dispatch-plan", plan);
        return new DispatchPlanned(MANUAL, PLANNED_AT, DispatchKind.MANUAL, null, "site-1", Q, slots, ref, 1,
                Megawatts.of(0.5), List.of(new AssetAllocation("bat-1", Megawatts.of(0.5), 2, Megawatts.of(1))),
                Megawatts.ZERO, "test");
    }

    private static DispatchPlan marketPlanValue() {
        return new DispatchPlan(MARKET.value(), DispatchKind.MARKET, "pf", S1, Q, 2, devicesOfTheSite(), groups(),
                Map.of("bat-1", new double[] {1, 1}, "bat-2", new double[] {0.5, 0.5}, "load-1", new double[] {-0.5, -0.5}),
                Map.of(), Map.of("bat-1", new double[] {4, 3.75}, "bat-2", new double[] {4, 3.875}), new double[] {1, 1});
    }

    private static List<DispatchDevice> devicesOfTheSite() {
        List<String> path = List.of("site-1", "region-1", "pf");
        return List.of(new DispatchDevice("bat-1", AssetKind.BATTERY, path, BATTERY, true, 2, 0.5),
                new DispatchDevice("bat-2", AssetKind.BATTERY, path, BATTERY, true, 2, 0.5),
                new DispatchDevice("load-1", AssetKind.LOAD, path, TechnicalLimits.power(-1, 0, null), false, 0, null));
    }

    private static List<GridGroup> groups() {
        return List.of(new GridGroup("pf", AssetKind.PORTFOLIO, null, null),
                new GridGroup("region-1", AssetKind.REGION, "pf", null),
                new GridGroup("site-1", AssetKind.SITE, "region-1", null));
    }

    /** Imbalance prices 100 (slot 1, short) and 30 (slot 2, long) once published; clearing from the feed, 80 and 40. */
    static final class Prices implements SettlementPrices {
        boolean published;

        @Override
        public Optional<List<SlotPrice>> prices(String zone, Instant start, Duration slotLength, int slots, Instant now) {
            if (!published) return Optional.empty();
            List<SlotPrice> all = List.of(new SlotPrice(S1, 80, 100, "SHORT"), new SlotPrice(S2, 40, 30, "LONG"),
                    new SlotPrice(S2.plus(Q), 50, 50, "LONG"), new SlotPrice(S2.plus(Q).plus(Q), 50, 50, "LONG"));
            return Optional.of(all.subList(0, slots));
        }
    }

    /** Matches any list of commands and keeps their payloads for the assertions that follow. */
    private static BaseMatcher<List<? super org.axonframework.commandhandling.CommandMessage<?>>> capture(List<Object> into) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                into.clear();
                for (Object o : (List<?>) actual) {
                    into.add(o instanceof org.axonframework.commandhandling.CommandMessage<?> m ? m.getPayload() : o);
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("any commands (captured)");
            }
        };
    }
}
