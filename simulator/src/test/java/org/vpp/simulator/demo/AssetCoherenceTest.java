package org.vpp.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.TechnicalLimits;

class AssetCoherenceTest {

    private static final TechnicalLimits BATTERY =
            TechnicalLimits.storage(-1, 1, 2, 0.95, 0.95, null, 0.1, 0.9, 0.2);

    @Test
    void aGroupWithoutLimitsAndASiteWithAGridLimitAreCoherent() {
        assertThat(AssetCoherence.check("p", AssetKind.PORTFOLIO, TechnicalLimits.NONE)).isEmpty();
        assertThat(AssetCoherence.check("s", AssetKind.SITE, TechnicalLimits.groupWithGridLimit(0.5))).isEmpty();
    }

    @Test
    void aSiteNeedsAGridLimitAndAGroupHasNoPower() {
        assertThat(AssetCoherence.check("s", AssetKind.SITE, TechnicalLimits.NONE)).isPresent();
        assertThat(AssetCoherence.check("r", AssetKind.REGION, TechnicalLimits.power(0, 1, null))).isPresent();
    }

    @Test
    void aDeviceWithoutRampRateIsCoherentButAZeroRampIsNot() {
        assertThat(AssetCoherence.check("pv", AssetKind.PV, TechnicalLimits.power(0, 1, null))).isEmpty();
        assertThat(AssetCoherence.check("pv", AssetKind.PV, TechnicalLimits.power(0, 1, 0.0))).isPresent();
    }

    @Test
    void storageFieldsBelongToStorageOnly() {
        assertThat(AssetCoherence.check("b", AssetKind.BATTERY, BATTERY)).isEmpty();
        assertThat(AssetCoherence.check("l", AssetKind.LOAD, TechnicalLimits.storage(-1, 0, 2, 0.95, 0.95, null, 0.1, 0.9, 0.2)))
                .isPresent();
        assertThat(AssetCoherence.check("b", AssetKind.BATTERY, TechnicalLimits.power(-1, 1, null))).isPresent();
    }

    @Test
    void aReserveOutsideTheSocBoundsIsIncoherent() {
        var reserveAboveMax = TechnicalLimits.storage(-1, 1, 2, 0.95, 0.95, null, 0.1, 0.9, 0.95);
        assertThat(AssetCoherence.check("b", AssetKind.BATTERY, reserveAboveMax)).contains("reserve SoC must lie within the SoC bounds");
    }

    @Test
    void aDeviceNeedsBothPowerLimits() {
        var noMax = new TechnicalLimits(0.0, null, null, null, null, null, null, null, null, null);
        assertThat(AssetCoherence.check("g", AssetKind.GENERATOR, noMax)).contains("a device needs min and max power");
    }
}
