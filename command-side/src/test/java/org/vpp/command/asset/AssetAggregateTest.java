package org.vpp.command.asset;

import static org.vpp.command.asset.Fixtures.BATTERY;
import static org.vpp.command.asset.Fixtures.OTHER_SITE;
import static org.vpp.command.asset.Fixtures.PORTFOLIO;
import static org.vpp.command.asset.Fixtures.REGION;
import static org.vpp.command.asset.Fixtures.SITE;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vpp.command.common.CommandRejectedException;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.asset.AssetDecommissioned;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetLimitsUpdated;
import org.vpp.messages.asset.AssetMoved;
import org.vpp.messages.asset.AssetRenamed;
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

/** The wiring of every Asset command: which events it records, which refusals it raises, and what it returns. */
class AssetAggregateTest {

    private AggregateTestFixture<Asset> fixture;
    private InMemoryAssetTopology topology;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Asset.class);
        topology = new InMemoryAssetTopology()
                .add(PORTFOLIO, AssetKind.PORTFOLIO, null)
                .add(REGION, AssetKind.REGION, PORTFOLIO)
                .add(SITE, AssetKind.SITE, REGION)
                .add(OTHER_SITE, AssetKind.SITE, REGION);
        fixture.registerInjectableResource(topology);
    }

    @Test
    void registerRecordsAssetRegistered() {
        fixture.givenNoPriorActivity()
                .when(Fixtures.registerBattery(BATTERY, SITE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(Fixtures.batteryRegistered(BATTERY, SITE));
    }

    @Test
    void registerRefusesADuplicateIdAndRecordsNothing() {
        topology.add(BATTERY, AssetKind.BATTERY, SITE);
        fixture.givenNoPriorActivity()
                .when(Fixtures.registerBattery(BATTERY, SITE))
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(CommandRejection.of("assetId", RejectionCode.DUPLICATE, "an asset with id bat-1 already exists"))
                .expectNoEvents();
    }

    @Test
    void registerRefusesAnUnknownParent() {
        fixture.givenNoPriorActivity()
                .when(Fixtures.registerBattery(BATTERY, AssetId.of("nowhere")))
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(CommandRejection.of("parentId", RejectionCode.NOT_FOUND, "no asset with id nowhere"))
                .expectNoEvents();
    }

    @Test
    void registerRefusesADeviceAsParent() {
        topology.add(BATTERY, AssetKind.BATTERY, SITE);
        fixture.givenNoPriorActivity()
                .when(Fixtures.registerBattery(AssetId.of("bat-2"), BATTERY))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void registerRefusesNegativeCapacity() {
        var limits = TechnicalLimits.storage(-1, 1, -2, 0.9, 0.9, null, 0, 1, 0);
        fixture.givenNoPriorActivity()
                .when(new RegisterAsset(BATTERY, AssetKind.BATTERY, "B", SITE, null, limits, null))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("limits.energyCapacityMwh: must be greater than 0 for storage, got -2.0")
                .expectNoEvents();
    }

    @Test
    void registerLocksItsParentOnly() {
        fixture.givenNoPriorActivity().when(Fixtures.registerBattery(BATTERY, SITE)).expectSuccessfulHandlerExecution();
        org.assertj.core.api.Assertions.assertThat(topology.locks).containsExactly("register:" + SITE.value());
    }

    @Test
    void updateLimitsRecordsTheNewLimitsAndReturnsTheVersion() {
        var limits = TechnicalLimits.storage(-3, 3, 6, 0.95, 0.95, 2.0, 0.05, 0.95, 0.2);
        fixture.given(Fixtures.batteryRegistered(BATTERY, SITE))
                .when(new UpdateAssetLimits(BATTERY, limits))
                .expectEvents(new AssetLimitsUpdated(BATTERY, limits))
                .expectResultMessagePayload(1L);
    }

    @Test
    void updateLimitsRefusesNaN() {
        fixture.given(Fixtures.batteryRegistered(BATTERY, SITE))
                .when(new UpdateAssetLimits(BATTERY, TechnicalLimits.storage(-3, Double.NaN, 6, 0.95, 0.95, null, 0, 1, 0)))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void unchangedCommandsRecordNothingAndReturnTheCurrentVersion() {
        fixture.given(Fixtures.batteryRegistered(BATTERY, SITE))
                .when(new RenameAsset(BATTERY, "Battery bat-1"))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void renameRecordsAssetRenamed() {
        fixture.given(Fixtures.batteryRegistered(BATTERY, SITE))
                .when(new RenameAsset(BATTERY, "Home battery 1"))
                .expectEvents(new AssetRenamed(BATTERY, "Battery bat-1", "Home battery 1"));
    }

    @Test
    void moveRecordsAssetMoved() {
        topology.add(BATTERY, AssetKind.BATTERY, SITE);
        fixture.given(Fixtures.batteryRegistered(BATTERY, SITE))
                .when(new MoveAsset(BATTERY, OTHER_SITE))
                .expectEvents(new AssetMoved(BATTERY, SITE, OTHER_SITE));
    }

    @Test
    void moveRefusesACycle() {
        var sub = AssetId.of("rg-sub");
        topology.add(sub, AssetKind.REGION, REGION);
        fixture.given(Fixtures.regionRegistered(REGION, PORTFOLIO))
                .when(new MoveAsset(REGION, sub))
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(CommandRejection.of("newParentId", RejectionCode.CYCLE,
                        "rg-sub is below rg-north in the tree; moving there would make a cycle"))
                .expectNoEvents();
    }

    @Test
    void moveRefusesADecommissionedTarget() {
        topology.add(BATTERY, AssetKind.BATTERY, SITE).decommissioned(OTHER_SITE);
        fixture.given(Fixtures.batteryRegistered(BATTERY, SITE))
                .when(new MoveAsset(BATTERY, OTHER_SITE))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void changeStatusRecordsTheOperatorsChange() {
        fixture.given(Fixtures.batteryRegistered(BATTERY, SITE))
                .when(new ChangeAssetStatus(BATTERY, AssetStatus.FAULT, "inverter alarm"))
                .expectEvents(new AssetStatusChanged(BATTERY, AssetStatus.ONLINE, AssetStatus.FAULT, StatusOrigin.OPERATOR, "inverter alarm"));
    }

    @Test
    void changeStatusRefusesDecommissioned() {
        fixture.given(Fixtures.batteryRegistered(BATTERY, SITE))
                .when(new ChangeAssetStatus(BATTERY, AssetStatus.DECOMMISSIONED, null))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void decommissionRecordsAssetDecommissioned() {
        fixture.given(Fixtures.batteryRegistered(BATTERY, SITE))
                .when(new DecommissionAsset(BATTERY, "end of life"))
                .expectEvents(new AssetDecommissioned(BATTERY, AssetStatus.ONLINE, "end of life"));
    }

    @Test
    void decommissionRefusesAGroupWithActiveChildren() {
        topology.add(BATTERY, AssetKind.BATTERY, SITE);
        fixture.given(Fixtures.siteRegistered(SITE, REGION))
                .when(new DecommissionAsset(SITE, null))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void aDecommissionedAssetRefusesEveryCommand() {
        var history = new Object[]{Fixtures.batteryRegistered(BATTERY, SITE), new AssetDecommissioned(BATTERY, AssetStatus.ONLINE, null)};
        for (Object command : new Object[]{
                new RenameAsset(BATTERY, "x"),
                new UpdateAssetLimits(BATTERY, Fixtures.BATTERY_LIMITS),
                new MoveAsset(BATTERY, OTHER_SITE),
                new ChangeAssetStatus(BATTERY, AssetStatus.ONLINE, null),
                new DecommissionAsset(BATTERY, null),
                new ReportTelemetryLost(BATTERY, TelemetryLossCause.SILENT, null, Instant.EPOCH),
                new ReportTelemetryRestored(BATTERY, Instant.EPOCH)}) {
            fixture.given(history).when(command)
                    .expectException(CommandRejectedException.class)
                    .expectExceptionDetails(CommandRejection.of("assetId", RejectionCode.DECOMMISSIONED,
                            "bat-1 is decommissioned and accepts no commands"))
                    .expectNoEvents();
        }
    }

    @Test
    void telemetryLossAndRecoveryFlipTheStatusBothWays() {
        var lastSeen = Instant.parse("2026-03-01T10:00:00Z");
        var offline = new AssetStatusChanged(BATTERY, AssetStatus.ONLINE, AssetStatus.OFFLINE, StatusOrigin.TELEMETRY,
                "no telemetry since 2026-03-01T10:00:00Z");
        fixture.given(Fixtures.batteryRegistered(BATTERY, SITE))
                .when(new ReportTelemetryLost(BATTERY, TelemetryLossCause.SILENT, lastSeen, lastSeen.plusSeconds(600)))
                .expectEvents(offline);
        fixture.given(Fixtures.batteryRegistered(BATTERY, SITE), offline)
                .when(new ReportTelemetryRestored(BATTERY, lastSeen.plusSeconds(900)))
                .expectEvents(new AssetStatusChanged(BATTERY, AssetStatus.OFFLINE, AssetStatus.ONLINE, StatusOrigin.TELEMETRY,
                        "telemetry available again at 2026-03-01T10:15:00Z"));
    }
}
