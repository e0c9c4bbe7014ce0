package org.vpp.command.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vpp.command.asset.Fixtures.BATTERY;
import static org.vpp.command.asset.Fixtures.BERLIN;
import static org.vpp.command.asset.Fixtures.PORTFOLIO;
import static org.vpp.command.asset.Fixtures.REGION;
import static org.vpp.command.asset.Fixtures.SITE;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vpp.command.common.Decision;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.asset.AssetEvent;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetMoved;
import org.vpp.messages.asset.AssetRegistered;
import org.vpp.messages.asset.AssetStatus;
import org.vpp.messages.asset.AssetStatusChanged;
import org.vpp.messages.asset.ChangeAssetStatus;
import org.vpp.messages.asset.DecommissionAsset;
import org.vpp.messages.asset.MoveAsset;
import org.vpp.messages.asset.RegisterAsset;
import org.vpp.messages.asset.RenameAsset;
import org.vpp.messages.asset.ReportTelemetryLost;
import org.vpp.messages.asset.ReportTelemetryRestored;
import org.vpp.messages.asset.StatusOrigin;
import org.vpp.messages.asset.TelemetryLossCause;
import org.vpp.messages.asset.UpdateAssetLimits;
import org.vpp.messages.common.CommandRejection;
import org.vpp.messages.common.RejectionCode;

class AssetDecisionsTest {

    static final Optional<TopologyNode> A_SITE = Optional.of(new TopologyNode(SITE, AssetKind.SITE, REGION, false));
    static final Optional<TopologyNode> A_REGION = Optional.of(new TopologyNode(REGION, AssetKind.REGION, PORTFOLIO, false));
    static final AssetState ONLINE_BATTERY = AssetState.registered(Fixtures.batteryRegistered(BATTERY, SITE));

    static CommandRejection rejection(Decision<AssetEvent> decision) {
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected<AssetEvent>) decision).rejection();
    }

    static java.util.List<AssetEvent> events(Decision<AssetEvent> decision) {
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        return ((Decision.Accepted<AssetEvent>) decision).events();
    }

    @Test
    void registersADeviceUnderASiteAsOnlineByDefault() {
        var events = events(AssetDecisions.register(Fixtures.registerBattery(BATTERY, SITE), false, A_SITE));
        assertThat(events).containsExactly(Fixtures.batteryRegistered(BATTERY, SITE));
    }

    @Test
    void registersAPortfolioWithoutParent() {
        var cmd = new RegisterAsset(PORTFOLIO, AssetKind.PORTFOLIO, "  Main  ", null, null, null, null);
        assertThat(events(AssetDecisions.register(cmd, false, Optional.empty())))
                .containsExactly(new AssetRegistered(PORTFOLIO, AssetKind.PORTFOLIO, "Main", null, null, null, AssetStatus.ONLINE));
    }

    @Test
    void refusesADuplicateId() {
        var r = rejection(AssetDecisions.register(Fixtures.registerBattery(BATTERY, SITE), true, A_SITE));
        assertThat(r.field()).isEqualTo("assetId");
        assertThat(r.code()).isEqualTo(RejectionCode.DUPLICATE);
    }

    @Test
    void refusesAnUnknownParent() {
        var r = rejection(AssetDecisions.register(Fixtures.registerBattery(BATTERY, SITE), false, Optional.empty()));
        assertThat(r).extracting(CommandRejection::field, CommandRejection::code).containsExactly("parentId", RejectionCode.NOT_FOUND);
    }

    @Test
    void refusesADeviceAsParent() {
        var aBattery = Optional.of(new TopologyNode(BATTERY, AssetKind.BATTERY, SITE, false));
        var r = rejection(AssetDecisions.register(Fixtures.registerBattery(AssetId.of("bat-2"), BATTERY), false, aBattery));
        assertThat(r).extracting(CommandRejection::field, CommandRejection::code).containsExactly("parentId", RejectionCode.INVALID_PARENT);
    }

    @Test
    void refusesARegionUnderASite() {
        var cmd = new RegisterAsset(AssetId.of("rg-2"), AssetKind.REGION, "R", SITE, null, null, null);
        assertThat(rejection(AssetDecisions.register(cmd, false, A_SITE)).code()).isEqualTo(RejectionCode.INVALID_PARENT);
    }

    @Test
    void allowsNestedRegions() {
        var cmd = new RegisterAsset(AssetId.of("rg-2"), AssetKind.REGION, "R", REGION, null, null, null);
        assertThat(events(AssetDecisions.register(cmd, false, A_REGION))).hasSize(1);
    }

    @Test
    void refusesAPortfolioWithAParent() {
        var cmd = new RegisterAsset(AssetId.of("pf-2"), AssetKind.PORTFOLIO, "P", REGION, null, null, null);
        assertThat(rejection(AssetDecisions.register(cmd, false, A_REGION)).field()).isEqualTo("parentId");
    }

    @Test
    void refusesADecommissionedParent() {
        var gone = Optional.of(new TopologyNode(SITE, AssetKind.SITE, REGION, true));
        assertThat(rejection(AssetDecisions.register(Fixtures.registerBattery(BATTERY, SITE), false, gone)).code())
                .isEqualTo(RejectionCode.DECOMMISSIONED);
    }

    @Test
    void refusesABlankName() {
        var cmd = new RegisterAsset(BATTERY, AssetKind.BATTERY, "  ", SITE, BERLIN, Fixtures.BATTERY_LIMITS, null);
        assertThat(rejection(AssetDecisions.register(cmd, false, A_SITE)).field()).isEqualTo("name");
    }

    @Test
    void refusesControlCharactersAndLoneSurrogatesInEveryTextField() {
        for (String bad : new String[]{"a\u0000b", "a\u0007b", "a\uD800b"}) {
            var register = new RegisterAsset(BATTERY, AssetKind.BATTERY, bad, SITE, BERLIN, Fixtures.BATTERY_LIMITS, null);
            assertThat(rejection(AssetDecisions.register(register, false, A_SITE)).field()).isEqualTo("name");
            assertThat(rejection(AssetDecisions.rename(ONLINE_BATTERY, new RenameAsset(BATTERY, bad))).field()).isEqualTo("name");
            assertThat(rejection(AssetDecisions.changeStatus(ONLINE_BATTERY, new ChangeAssetStatus(BATTERY, AssetStatus.FAULT, bad))).field())
                    .isEqualTo("reason");
            assertThat(rejection(AssetDecisions.decommission(ONLINE_BATTERY, new DecommissionAsset(BATTERY, bad), 0)).field())
                    .isEqualTo("reason");
        }
    }

    @Test
    void refusesPvWithoutLocation() {
        var noLocation = new RegisterAsset(AssetId.of("pv-1"), AssetKind.PV, "PV", SITE, null, Fixtures.PV_LIMITS, null);
        assertThat(rejection(AssetDecisions.register(noLocation, false, A_SITE)).field()).isEqualTo("location");
    }

    @Test
    void refusesRegisteringAsDecommissioned() {
        var cmd = new RegisterAsset(BATTERY, AssetKind.BATTERY, "B", SITE, BERLIN, Fixtures.BATTERY_LIMITS, AssetStatus.DECOMMISSIONED);
        assertThat(rejection(AssetDecisions.register(cmd, false, A_SITE)).field()).isEqualTo("initialStatus");
    }

    @Test
    void updatingToTheSameLimitsRecordsNothing() {
        assertThat(events(AssetDecisions.updateLimits(ONLINE_BATTERY, new UpdateAssetLimits(BATTERY, Fixtures.BATTERY_LIMITS)))).isEmpty();
    }

    @Test
    void refusesIncoherentNewLimits() {
        var bad = TechnicalLimits.storage(-2, 2, -1, 0.9, 0.9, null, 0, 1, 0);
        assertThat(rejection(AssetDecisions.updateLimits(ONLINE_BATTERY, new UpdateAssetLimits(BATTERY, bad))).field())
                .isEqualTo("limits.energyCapacityMwh");
    }

    @Test
    void renamingToTheSameNameRecordsNothing() {
        assertThat(events(AssetDecisions.rename(ONLINE_BATTERY, new RenameAsset(BATTERY, "Battery bat-1 ")))).isEmpty();
    }

    @Test
    void movesToAnotherSite() {
        var other = Optional.of(new TopologyNode(Fixtures.OTHER_SITE, AssetKind.SITE, REGION, false));
        assertThat(events(AssetDecisions.move(ONLINE_BATTERY, new MoveAsset(BATTERY, Fixtures.OTHER_SITE), other, false)))
                .containsExactly(new AssetMoved(BATTERY, SITE, Fixtures.OTHER_SITE));
    }

    @Test
    void refusesAMoveIntoItsOwnSubtree() {
        var region = AssetState.registered(Fixtures.regionRegistered(REGION, PORTFOLIO));
        var nested = Optional.of(new TopologyNode(AssetId.of("rg-sub"), AssetKind.REGION, REGION, false));
        var r = rejection(AssetDecisions.move(region, new MoveAsset(REGION, AssetId.of("rg-sub")), nested, true));
        assertThat(r).extracting(CommandRejection::field, CommandRejection::code).containsExactly("newParentId", RejectionCode.CYCLE);
    }

    @Test
    void refusesAMoveUnderItself() {
        var region = AssetState.registered(Fixtures.regionRegistered(REGION, PORTFOLIO));
        assertThat(rejection(AssetDecisions.move(region, new MoveAsset(REGION, REGION), A_REGION, true)).code())
                .isEqualTo(RejectionCode.CYCLE);
    }

    @Test
    void operatorStatusChangeIsRecordedWithItsReason() {
        assertThat(events(AssetDecisions.changeStatus(ONLINE_BATTERY, new ChangeAssetStatus(BATTERY, AssetStatus.MAINTENANCE, "inverter swap"))))
                .containsExactly(new AssetStatusChanged(BATTERY, AssetStatus.ONLINE, AssetStatus.MAINTENANCE, StatusOrigin.OPERATOR, "inverter swap"));
    }

    @Test
    void refusesDecommissioningThroughStatusChange() {
        assertThat(rejection(AssetDecisions.changeStatus(ONLINE_BATTERY, new ChangeAssetStatus(BATTERY, AssetStatus.DECOMMISSIONED, null))).code())
                .isEqualTo(RejectionCode.NOT_ALLOWED);
    }

    @Test
    void refusesDecommissioningAGroupWithActiveChildren() {
        var site = AssetState.registered(Fixtures.siteRegistered(SITE, REGION));
        assertThat(rejection(AssetDecisions.decommission(site, new DecommissionAsset(SITE, null), 2)).code())
                .isEqualTo(RejectionCode.NOT_ALLOWED);
    }

    @Test
    void aDecommissionedAssetAcceptsNothing() {
        var gone = ONLINE_BATTERY.evolve(new org.vpp.messages.asset.AssetDecommissioned(BATTERY, AssetStatus.ONLINE, "end of life"));
        assertThat(rejection(AssetDecisions.rename(gone, new RenameAsset(BATTERY, "x"))).code()).isEqualTo(RejectionCode.DECOMMISSIONED);
        assertThat(rejection(AssetDecisions.updateLimits(gone, new UpdateAssetLimits(BATTERY, Fixtures.BATTERY_LIMITS))).code())
                .isEqualTo(RejectionCode.DECOMMISSIONED);
        assertThat(rejection(AssetDecisions.move(gone, new MoveAsset(BATTERY, Fixtures.OTHER_SITE), A_SITE, false)).code())
                .isEqualTo(RejectionCode.DECOMMISSIONED);
        assertThat(rejection(AssetDecisions.changeStatus(gone, new ChangeAssetStatus(BATTERY, AssetStatus.ONLINE, null))).code())
                .isEqualTo(RejectionCode.DECOMMISSIONED);
        assertThat(rejection(AssetDecisions.decommission(gone, new DecommissionAsset(BATTERY, null), 0)).code())
                .isEqualTo(RejectionCode.DECOMMISSIONED);
    }

    @Test
    void silentTelemetryTakesAnOnlineDeviceOffline() {
        var lost = new ReportTelemetryLost(BATTERY, TelemetryLossCause.SILENT, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:10:00Z"));
        var events = events(AssetDecisions.telemetryLost(ONLINE_BATTERY, lost));
        assertThat(events).singleElement().isInstanceOfSatisfying(AssetStatusChanged.class, e -> {
            assertThat(e.to()).isEqualTo(AssetStatus.OFFLINE);
            assertThat(e.origin()).isEqualTo(StatusOrigin.TELEMETRY);
            assertThat(e.reason()).contains("2026-01-01T00:00:00Z");
        });
    }

    @Test
    void telemetryLossLeavesAnOperatorStatusAlone() {
        var maintenance = ONLINE_BATTERY.evolve(new AssetStatusChanged(BATTERY, AssetStatus.ONLINE, AssetStatus.MAINTENANCE, StatusOrigin.OPERATOR, null));
        var lost = new ReportTelemetryLost(BATTERY, TelemetryLossCause.SILENT, null, Instant.EPOCH);
        assertThat(events(AssetDecisions.telemetryLost(maintenance, lost))).isEmpty();
    }

    @Test
    void telemetryRestoresOnlyWhatTelemetryTookOffline() {
        var byTelemetry = ONLINE_BATTERY.evolve(new AssetStatusChanged(BATTERY, AssetStatus.ONLINE, AssetStatus.OFFLINE, StatusOrigin.TELEMETRY, "silent"));
        var byOperator = ONLINE_BATTERY.evolve(new AssetStatusChanged(BATTERY, AssetStatus.ONLINE, AssetStatus.OFFLINE, StatusOrigin.OPERATOR, "manual"));
        var restored = new ReportTelemetryRestored(BATTERY, Instant.EPOCH);
        assertThat(events(AssetDecisions.telemetryRestored(byTelemetry, restored)))
                .singleElement().extracting(e -> ((AssetStatusChanged) e).to()).isEqualTo(AssetStatus.ONLINE);
        assertThat(events(AssetDecisions.telemetryRestored(byOperator, restored))).isEmpty();
    }

    @Test
    void anOperatorConfirmingATelemetryStatusTakesItOver() {
        var byTelemetry = ONLINE_BATTERY.evolve(new AssetStatusChanged(BATTERY, AssetStatus.ONLINE, AssetStatus.OFFLINE, StatusOrigin.TELEMETRY, "silent"));
        var events = events(AssetDecisions.changeStatus(byTelemetry, new ChangeAssetStatus(BATTERY, AssetStatus.OFFLINE, "known outage")));
        assertThat(events).singleElement().extracting(e -> ((AssetStatusChanged) e).origin()).isEqualTo(StatusOrigin.OPERATOR);
    }

    @Test
    void telemetryCommandsAreRefusedForGroups() {
        var site = AssetState.registered(Fixtures.siteRegistered(SITE, REGION));
        assertThat(rejection(AssetDecisions.telemetryRestored(site, new ReportTelemetryRestored(SITE, Instant.EPOCH))).code())
                .isEqualTo(RejectionCode.NOT_ALLOWED);
    }
}
