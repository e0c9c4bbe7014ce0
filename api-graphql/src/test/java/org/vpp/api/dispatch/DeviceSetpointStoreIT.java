package org.vpp.api.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.vpp.api.support.Fleet.battery;
import static org.vpp.api.support.Fleet.device;
import static org.vpp.api.support.Fleet.group;
import static org.vpp.api.support.Fleet.power;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vpp.api.support.ApiIT;
import org.vpp.api.support.Fleet;
import org.vpp.api.support.GraphQl;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.dispatch.DispatchId;
import org.vpp.messages.dispatch.DispatchKind;
import org.vpp.query.telemetry.ReadingInput;
import org.vpp.query.telemetry.TelemetryStore;
import org.vpp.sagas.dispatch.DeviceCondition;
import org.vpp.sagas.dispatch.DispatchDevice;
import org.vpp.sagas.dispatch.DispatchPlan;
import org.vpp.sagas.dispatch.GridGroup;
import org.vpp.sagas.dispatch.MeteredPower;
import org.vpp.sagas.dispatch.SlotMeasurement;

/**
 * The setpoint outbox and the device reads of a dispatch, on the real PostgreSQL: sends are idempotent per dispatch,
 * slot and device, a withdrawal ends what applies, the devices follow their market setpoint plus the manual deltas,
 * and conditions and metered means come from the read models. Every instant is fixed (slots in 2031, far from the
 * shared test clock's), and each test uses dispatch and asset ids of its own.
 */
class DeviceSetpointStoreIT extends ApiIT {

    static final Instant SLOT = Instant.parse("2031-03-10T10:00:00Z");
    static final Duration QUARTER = Duration.ofMinutes(15);

    @Autowired
    DeviceSetpointStore devices;
    @Autowired
    JdbcContents contents;
    @Autowired
    TelemetryStore telemetry;

    @AfterEach
    void removeOwnSetpoints() {
        jdbc.update("DELETE FROM device_setpoint WHERE dispatch_id LIKE ?", "%" + run + "%");
    }

    private DispatchId market(String name) {
        return DispatchId.of("market:" + name + "-" + run);
    }

    private DispatchId manual(String name) {
        return DispatchId.manual(name + "-" + run);
    }

    private static Instant slot(int i) {
        return SLOT.plus(QUARTER.multipliedBy(i));
    }

    /** Only this test's devices: other tests of the context may have setpoints in force at the same instants. */
    private Map<String, Double> mine(Map<String, Double> effective) {
        return effective.entrySet().stream().filter(e -> e.getKey().endsWith(run))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void aSlotSentAgainInsertsNothingAndCountsTheSecondSend() {
        DispatchId dispatch = market("send");
        Map<String, Double> setpoints = Map.of(id("bat-1"), 1.5, id("bat-2"), -0.5, id("gen-1"), 2.0);

        assertThat(devices.send(dispatch, DispatchKind.MARKET, slot(0), slot(1), setpoints)).isEqualTo(3);
        assertThat(devices.send(dispatch, DispatchKind.MARKET, slot(0), slot(1), setpoints)).isZero();

        assertThat(devices.sent(dispatch, slot(0))).isEqualTo(setpoints);
        assertThat(devices.sent(dispatch, slot(1))).isEmpty();
        assertThat(jdbc.queryForList("SELECT sends FROM device_setpoint WHERE dispatch_id = ?", Integer.class, dispatch.value()))
                .containsExactly(2, 2, 2);
        // A third device added in a redo is new; the first setpoints stand.
        assertThat(devices.send(dispatch, DispatchKind.MARKET, slot(0), slot(1),
                Map.of(id("bat-1"), 9.0, id("pv-1"), 0.25))).isEqualTo(1);
        assertThat(devices.sent(dispatch, slot(0))).containsEntry(id("bat-1"), 1.5).containsEntry(id("pv-1"), 0.25);
    }

    @Test
    void aSendWhoseModeIsNotItsDispatchsKindIsRefused() {
        assertThatThrownBy(() -> devices.send(market("mode"), DispatchKind.MANUAL, slot(0), slot(1), Map.of(id("bat"), 1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MARKET");
    }

    @Test
    void aWithdrawalEndsTheSlotsFromItsInstantAndASecondChangesNothing() {
        DispatchId dispatch = market("withdraw");
        String bat = id("bat");
        for (int i = 0; i < 4; i++) devices.send(dispatch, DispatchKind.MARKET, slot(i), slot(i + 1), Map.of(bat, 1.0 + i));

        devices.withdraw(dispatch, slot(2));
        devices.withdraw(dispatch, slot(3));

        assertThat(jdbc.queryForList("SELECT withdrawn_from FROM device_setpoint WHERE dispatch_id = ? ORDER BY slot_start",
                java.sql.Timestamp.class, dispatch.value()))
                .extracting(t -> t == null ? null : t.toInstant())
                .containsExactly(null, null, slot(2), slot(2));
        assertThat(mine(devices.effectiveAt(slot(1).plusSeconds(60)))).containsExactly(Map.entry(bat, 2.0));
        assertThat(mine(devices.effectiveAt(slot(2)))).isEmpty();
        assertThat(mine(devices.effectiveAt(slot(3).plusSeconds(60)))).isEmpty();
        // What was sent stays on record.
        assertThat(devices.sent(dispatch, slot(3))).containsExactly(Map.entry(bat, 4.0));
    }

    @Test
    void manualDeltasSumTheManualSetpointsOfTheSlotNotWithdrawnByItsStart() {
        DispatchId first = manual("first");
        DispatchId second = manual("second");
        DispatchId cancelled = manual("cancelled");
        DispatchId lateCancel = manual("late-cancel");
        // Slot 40 of the day: its own, so no other test's deltas are summed in.
        Instant start = slot(40);
        Instant end = slot(41);
        devices.send(first, DispatchKind.MANUAL, start, end, Map.of(id("bat-1"), 1.0, id("bat-2"), 0.5));
        devices.send(second, DispatchKind.MANUAL, start, end, Map.of(id("bat-1"), 0.25));
        devices.send(cancelled, DispatchKind.MANUAL, start, end, Map.of(id("gen-1"), 7.0));
        devices.send(lateCancel, DispatchKind.MANUAL, start, end, Map.of(id("gen-2"), 3.0));
        devices.send(market("base"), DispatchKind.MARKET, start, end, Map.of(id("bat-1"), 4.0));
        devices.withdraw(cancelled, start);                         // at the slot's start: not applied at all
        devices.withdraw(lateCancel, start.plus(Duration.ofMinutes(5))); // a third of the slot

        // bat-1: 1.0 + 0.25 all slot long; bat-2: 0.5; gen-1 withdrawn at the start: nothing; gen-2: 3.0 for 5 of
        // the slot's 15 minutes = 1.0. Together 2.75.
        var deltas = devices.manualDeltas(start, end);
        assertThat(deltas).containsOnlyKeys(id("bat-1"), id("bat-2"), id("gen-2"));
        assertThat(deltas.get(id("bat-1"))).isCloseTo(1.25, within(1e-9));
        assertThat(deltas.get(id("bat-2"))).isCloseTo(0.5, within(1e-9));
        assertThat(deltas.get(id("gen-2"))).isCloseTo(1.0, within(1e-9));
        assertThat(deltas.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(2.75, within(1e-9));
        assertThat(devices.manualDeltas(end, slot(42))).isEmpty();
    }

    @Test
    void aDeviceFollowsItsNewestMarketSetpointPlusTheManualDeltasNotWithdrawn() {
        String a = id("bat-a");
        String b = id("bat-b");
        String c = id("bat-c");
        Instant start = slot(60);
        Instant end = slot(61);
        devices.send(market("old"), DispatchKind.MARKET, start, end, Map.of(a, 2.0));
        clock.advance(Duration.ofSeconds(1)); // sent later: this market setpoint replaces the older one
        devices.send(market("new"), DispatchKind.MARKET, start, end, Map.of(a, 3.0));
        devices.send(manual("up"), DispatchKind.MANUAL, start, end, Map.of(a, 0.5, b, -0.3));
        devices.send(manual("gone"), DispatchKind.MANUAL, start, end, Map.of(a, 9.0));
        devices.send(market("other-slot"), DispatchKind.MARKET, end, slot(62), Map.of(c, 1.0));
        Instant withdrawal = start.plus(Duration.ofMinutes(10));
        devices.withdraw(manual("gone"), withdrawal);

        Instant inSlot = start.plus(Duration.ofMinutes(2));
        assertThat(mine(devices.effectiveAt(inSlot))).containsOnly(Map.entry(a, 3.0 + 0.5 + 9.0), Map.entry(b, -0.3));
        assertThat(mine(devices.effectiveAt(withdrawal))).containsOnly(Map.entry(a, 3.5), Map.entry(b, -0.3));
        assertThat(mine(devices.effectiveAt(end))).containsOnly(Map.entry(c, 1.0));
        assertThat(mine(devices.effectiveAt(start.minusSeconds(1)))).isEmpty();

        NavigableMap<Instant, Map<String, Double>> steps = devices.effectiveBetween(start.minus(Duration.ofMinutes(5)), end.plusSeconds(60));
        assertThat(steps.keySet()).containsSubsequence(start.minus(Duration.ofMinutes(5)), start, withdrawal, end);
        assertThat(mine(steps.get(start.minus(Duration.ofMinutes(5))))).isEmpty();
        assertThat(mine(steps.floorEntry(inSlot).getValue())).containsOnly(Map.entry(a, 12.5), Map.entry(b, -0.3));
        assertThat(mine(steps.floorEntry(withdrawal.plusSeconds(30)).getValue())).containsOnly(Map.entry(a, 3.5), Map.entry(b, -0.3));
        assertThat(mine(steps.floorEntry(end).getValue())).containsOnly(Map.entry(c, 1.0));
    }

    @Test
    void meteredPowerIsTheMeanOfTheReadingsStampedAfterTheStartUpToTheEnd() {
        String site = registerSite();
        String bat = id("bat");
        String pv = id("pv");
        String silent = id("silent");
        new Fleet(graphQl()).registerOk(device(bat, "BATTERY", site, battery(-2, 2, 4, 0.1, 0.9, 0.1)));
        new Fleet(graphQl()).registerOk(device(pv, "PV", site, power(0, 1)));
        new Fleet(graphQl()).registerOk(device(silent, "PV", site, power(0, 1)));
        Instant from = Instant.parse("2026-03-02T10:00:00Z");
        Instant to = from.plus(QUARTER);
        // A reading at t reports the minute before t: the one at `from` belongs to the slot before, the one at `to` to this one.
        ingest(to.plus(Duration.ofMinutes(1)),
                ReadingInput.of(bat, from, 9.0, 0.5, true),
                ReadingInput.of(bat, from.plus(Duration.ofMinutes(5)), 1.0, 0.5, true),
                ReadingInput.of(bat, from.plus(Duration.ofMinutes(10)), 2.0, 0.5, true),
                ReadingInput.of(bat, to, 3.0, 0.5, true),
                ReadingInput.of(bat, to.plus(Duration.ofMinutes(1)), 9.0, 0.5, true),
                ReadingInput.of(pv, to, 0.4, null, true));

        Map<String, MeteredPower> metered = devices.metered(List.of(bat, pv, silent), from, to);

        assertThat(metered).containsOnlyKeys(bat, pv);
        assertThat(metered.get(bat).meanMw()).isCloseTo(2.0, within(1e-9)); // (1 + 2 + 3) / 3
        assertThat(metered.get(bat).readings()).isEqualTo(3);
        assertThat(metered.get(pv)).isEqualTo(new MeteredPower(pv, 0.4, 1));
    }

    @Test
    void aDeviceUnderAGroupThatIsNotOnlineIsNotOnline() {
        String portfolio = id("pf");
        Fleet fleet = new Fleet(graphQl());
        fleet.registerOk(group(portfolio, "PORTFOLIO", "P", null, null));
        String region = id("region");
        fleet.registerOk(group(region, "REGION", "R", portfolio, null));
        String down = id("site-down");
        String up = id("site-up");
        fleet.registerOk(group(down, "SITE", "Down", region, null));
        fleet.registerOk(group(up, "SITE", "Up", region, null));
        String under = id("bat-under-down");
        String fine = id("bat-fine");
        String resting = id("bat-maintenance");
        fleet.registerOk(device(under, "BATTERY", down, battery(-1, 1, 2, 0.1, 0.9, 0.1)));
        fleet.registerOk(device(fine, "BATTERY", up, battery(-1, 1, 2, 0.1, 0.9, 0.1)));
        fleet.registerOk(device(resting, "BATTERY", up, battery(-1, 1, 2, 0.1, 0.9, 0.1)));
        changeStatus(down, "OFFLINE");
        changeStatus(resting, "MAINTENANCE");
        Instant at = Instant.parse("2026-03-02T10:00:00Z");
        ingest(at, ReadingInput.of(fine, at, -0.5, 0.42, true), ReadingInput.of(under, at, 0.0, 0.3, true));
        String unknown = id("never-registered");

        Map<String, DeviceCondition> conditions = devices.conditions(List.of(under, fine, resting, unknown), at);

        assertThat(conditions.get(fine)).isEqualTo(new DeviceCondition(fine, true, at, -0.5, 0.42, true));
        assertThat(conditions.get(under)).isEqualTo(new DeviceCondition(under, false, at, 0.0, 0.3, true));
        assertThat(conditions.get(resting)).isEqualTo(new DeviceCondition(resting, false, null, null, null, false));
        assertThat(conditions.get(unknown)).isEqualTo(new DeviceCondition(unknown, false, null, null, null, false));
    }

    @Test
    void storedContentReadsBackAndMissingOrAlteredContentIsRefusedByItsId() {
        SlotMeasurement measurement = new SlotMeasurement(slot(0), 3.0, 2.5, Map.of(id("bat"), 2.5), Map.of(id("bat"), 3.0));
        ContentReference stored = contents.store("slot-measurement", measurement, clock.instant());

        assertThat(contents.read(stored, SlotMeasurement.class)).isEqualTo(measurement);
        assertThat(contents.store("slot-measurement", measurement, clock.instant())).isEqualTo(stored);

        DispatchPlan plan = new DispatchPlan(market("plan").value(), DispatchKind.MARKET, id("site"), slot(0), QUARTER, 2,
                List.of(new DispatchDevice(id("bat"), AssetKind.BATTERY, List.of(id("site"), id("pf")),
                        TechnicalLimits.storage(-1, 1, 2, 0.95, 0.95, null, 0.1, 0.9, 0.1), true, 0, 0.5)),
                List.of(new GridGroup(id("site"), AssetKind.SITE, id("pf"), 1.5)),
                Map.of(id("bat"), new double[] {1.0, -0.5}), Map.of(), Map.of(id("bat"), new double[] {1.0, 0.75}),
                new double[] {1.0, -0.5});
        DispatchPlan read = contents.read(contents.store("dispatch-plan", plan, clock.instant()), DispatchPlan.class);
        assertThat(read.devices()).isEqualTo(plan.devices());
        assertThat(read.groups()).isEqualTo(plan.groups());
        assertThat(read.power(id("bat"), 1)).isEqualTo(-0.5);
        assertThat(read.socMwhAt(id("bat"), 1)).isEqualTo(0.75);
        assertThat(read.targetMw()).containsExactly(1.0, -0.5);
        assertThat(read.end()).isEqualTo(slot(2));

        ContentReference missing = ContentReference.of("slot-measurement/" + "0".repeat(64), "0".repeat(64));
        assertThatThrownBy(() -> contents.read(missing, SlotMeasurement.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(missing.id());
        ContentReference altered = ContentReference.of(stored.id(), "1".repeat(64));
        assertThatThrownBy(() -> contents.read(altered, SlotMeasurement.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(stored.id());
    }

    private String registerSite() {
        Fleet fleet = new Fleet(graphQl());
        fleet.registerOk(group(id("pf"), "PORTFOLIO", "P", null, null));
        fleet.registerOk(group(id("site"), "SITE", "S", id("pf"), null));
        return id("site");
    }

    private void changeStatus(String assetId, String status) {
        GraphQl g = graphQl();
        g.ok("mutation { changeAssetStatus(input: {id: \"" + assetId + "\", status: " + status + "}) { errors { field } } }");
    }

    private void ingest(Instant now, ReadingInput... readings) {
        var result = telemetry.ingest(List.of(readings).iterator(), now);
        assertThat(result.problems()).isEmpty();
    }
}
