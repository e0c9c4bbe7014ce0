package org.vpp.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.TechnicalLimits;

class DemoFleetTest {

    @ParameterizedTest(name = "{0} devices, seed {1}")
    @CsvSource({"0, 1", "1, 1", "7, 2", "40, 3", "40, 4", "500, 5"})
    void aFleetHasExactlyTheRequestedDevicesAndListsParentsBeforeChildren(int devices, long seed) {
        List<AssetSpec> fleet = DemoFleet.generate(devices, seed);
        assertThat(fleet.getFirst().kind()).isEqualTo(AssetKind.PORTFOLIO);
        assertThat(fleet.stream().filter(a -> !a.kind().isGroup())).hasSize(devices);
        Set<String> seen = new HashSet<>();
        for (AssetSpec asset : fleet) {
            asset.parentId().ifPresent(parent -> assertThat(seen).as("parent of %s", asset.id()).contains(parent));
            assertThat(seen.add(asset.id())).as("unique id %s", asset.id()).isTrue();
        }
    }

    @Test
    void everyAssetHasPhysicallyCoherentLimits() {
        for (AssetSpec a : DemoFleet.generate(300, 9)) {
            TechnicalLimits l = a.limits();
            assertThat(AssetCoherence.check(a.id(), a.kind(), l)).as(a.id()).isEmpty();
            if (a.kind().isDevice()) {
                assertThat(l.minPowerMw()).isLessThanOrEqualTo(l.maxPowerMw());
                assertThat(l.gridConnectionLimitMw()).as("grid limit of device %s", a.id()).isNull();
            } else {
                assertThat(l).isEqualTo(TechnicalLimits.groupWithGridLimit(l.gridConnectionLimitMw()));
            }
            if (a.kind().isDevice() && !a.kind().isStorage()) {
                assertThat(l.energyCapacityMwh()).as("capacity of %s", a.id()).isNull();
            }
            switch (a.kind()) {
                case BATTERY -> {
                    assertThat(l.energyCapacityMwh()).isPositive();
                    assertThat(l.minPowerMw()).isNotPositive();
                    assertThat(l.maxPowerMw()).isNotNegative();
                    assertThat(l.reserveSoc()).isBetween(l.minSoc(), l.maxSoc());
                    double hours = l.energyCapacityMwh() / l.maxPowerMw();
                    assertThat(hours).isBetween(1.0, 4.0);
                }
                case PV -> assertThat(l.maxPowerMw()).isBetween(0.001, 20.0);
                case WIND -> assertThat(l.maxPowerMw()).isBetween(2.0, 6.0);
                case LOAD, EV_CHARGER -> assertThat(l.maxPowerMw()).isNotPositive();
                case GENERATOR -> assertThat(l.minPowerMw()).isNotNegative();
                case SITE -> assertThat(l.gridConnectionLimitMw()).isPositive();
                default -> { }
            }
            assertThat(a.latitudeDeg()).isBetween(35.0, 60.0);
            assertThat(a.longitudeDeg()).isBetween(-10.0, 25.0);
        }
    }

    @Test
    void aFleetOfSeveralDozenDevicesHasSeveralRegionsAndAMixOfKinds() {
        List<AssetSpec> fleet = DemoFleet.generate(48, 1);
        assertThat(fleet.stream().filter(a -> a.kind() == AssetKind.REGION).count()).isGreaterThanOrEqualTo(3);
        assertThat(fleet.stream().map(AssetSpec::kind).distinct().count()).isGreaterThanOrEqualTo(7);
    }

    @Test
    void theSameSeedGivesTheSameFleetAndAnotherSeedAnotherOne() {
        assertThat(DemoFleet.generate(40, 3)).isEqualTo(DemoFleet.generate(40, 3));
        assertThat(DemoFleet.generate(40, 3)).isNotEqualTo(DemoFleet.generate(40, 4));
    }
}
