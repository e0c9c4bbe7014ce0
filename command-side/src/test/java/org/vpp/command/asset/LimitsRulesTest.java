package org.vpp.command.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vpp.kernel.AssetKind.BATTERY;
import static org.vpp.kernel.AssetKind.EV_CHARGER;
import static org.vpp.kernel.AssetKind.GENERATOR;
import static org.vpp.kernel.AssetKind.LOAD;
import static org.vpp.kernel.AssetKind.PV;
import static org.vpp.kernel.AssetKind.SITE;
import static org.vpp.kernel.AssetKind.WIND;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vpp.kernel.AssetKind;
import org.vpp.messages.asset.TechnicalLimits;
import org.vpp.messages.common.RejectionCode;

class LimitsRulesTest {

    static TechnicalLimits storage(double min, double max, Double cap, Double effIn, Double effOut, Double minSoc,
                                   Double maxSoc, Double reserve) {
        return new TechnicalLimits(min, max, cap, effIn, effOut, null, minSoc, maxSoc, reserve, null);
    }

    static Stream<Arguments> coherentLimits() {
        return Stream.of(
                Arguments.of(BATTERY, Fixtures.BATTERY_LIMITS),
                Arguments.of(EV_CHARGER, TechnicalLimits.power(-0.011, 0, null)),
                Arguments.of(EV_CHARGER, TechnicalLimits.power(-0.011, 0.011, null)),
                Arguments.of(PV, TechnicalLimits.power(0, 1.5, 2.0)),
                Arguments.of(WIND, TechnicalLimits.power(0, 3.0, null)),
                Arguments.of(GENERATOR, TechnicalLimits.power(0.5, 2.0, 0.2)),
                Arguments.of(LOAD, TechnicalLimits.power(-0.8, 0, null)),
                Arguments.of(SITE, TechnicalLimits.groupWithGridLimit(10.0)),
                Arguments.of(SITE, null),
                Arguments.of(AssetKind.REGION, TechnicalLimits.NONE));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource
    void coherentLimits(AssetKind kind, TechnicalLimits limits) {
        assertThat(LimitsRules.check(kind, limits)).isEmpty();
    }

    static Stream<Arguments> incoherentLimits() {
        return Stream.of(
                Arguments.of("device without limits", PV, null, "limits"),
                Arguments.of("NaN power", PV, TechnicalLimits.power(0, Double.NaN, null), "limits.maxPowerMw"),
                Arguments.of("infinite ramp", PV, TechnicalLimits.power(0, 1, Double.POSITIVE_INFINITY), "limits.rampRateMwPerMin"),
                Arguments.of("min above max", GENERATOR, TechnicalLimits.power(3, 2, null), "limits.minPowerMw"),
                Arguments.of("negative ramp", GENERATOR, TechnicalLimits.power(0, 2, -1.0), "limits.rampRateMwPerMin"),
                Arguments.of("PV that consumes", PV, TechnicalLimits.power(-1, 1, null), "limits.minPowerMw"),
                Arguments.of("load that generates", LOAD, TechnicalLimits.power(-1, 0.5, null), "limits.maxPowerMw"),
                Arguments.of("EV charger that cannot charge", EV_CHARGER, TechnicalLimits.power(0, 0.011, null), "limits.minPowerMw"),
                Arguments.of("EV charger with a battery capacity", EV_CHARGER, new TechnicalLimits(-0.011, 0.0, 0.06, null, null, null, null, null, null, null), "limits.energyCapacityMwh"),
                Arguments.of("battery that cannot charge", BATTERY, storage(0.5, 2, 4.0, 0.9, 0.9, 0.0, 1.0, 0.0), "limits.minPowerMw"),
                Arguments.of("negative capacity", BATTERY, storage(-2, 2, -4.0, 0.9, 0.9, 0.0, 1.0, 0.0), "limits.energyCapacityMwh"),
                Arguments.of("zero capacity", BATTERY, storage(-2, 2, 0.0, 0.9, 0.9, 0.0, 1.0, 0.0), "limits.energyCapacityMwh"),
                Arguments.of("missing capacity", BATTERY, storage(-2, 2, null, 0.9, 0.9, 0.0, 1.0, 0.0), "limits.energyCapacityMwh"),
                Arguments.of("efficiency zero", BATTERY, storage(-2, 2, 4.0, 0.0, 0.9, 0.0, 1.0, 0.0), "limits.chargeEfficiency"),
                Arguments.of("efficiency above one", BATTERY, storage(-2, 2, 4.0, 0.9, 1.01, 0.0, 1.0, 0.0), "limits.dischargeEfficiency"),
                Arguments.of("SoC above one", BATTERY, storage(-2, 2, 4.0, 0.9, 0.9, 0.0, 1.2, 0.0), "limits.maxSoc"),
                Arguments.of("SoC below zero", BATTERY, storage(-2, 2, 4.0, 0.9, 0.9, -0.1, 1.0, 0.0), "limits.minSoc"),
                Arguments.of("min SoC above max SoC", BATTERY, storage(-2, 2, 4.0, 0.9, 0.9, 0.9, 0.5, 0.0), "limits.minSoc"),
                Arguments.of("reserve above max SoC", BATTERY, storage(-2, 2, 4.0, 0.9, 0.9, 0.1, 0.8, 0.9), "limits.reserveSoc"),
                Arguments.of("storage fields on PV", PV, new TechnicalLimits(0.0, 1.0, 2.0, null, null, null, null, null, null, null), "limits.energyCapacityMwh"),
                Arguments.of("grid limit on a device", PV, new TechnicalLimits(0.0, 1.0, null, null, null, null, null, null, null, 5.0), "limits.gridConnectionLimitMw"),
                Arguments.of("power on a site", SITE, TechnicalLimits.power(0, 1, null), "limits.minPowerMw"),
                Arguments.of("zero grid limit", SITE, TechnicalLimits.groupWithGridLimit(0.0), "limits.gridConnectionLimitMw"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void incoherentLimits(String description, AssetKind kind, TechnicalLimits limits, String field) {
        var rejection = LimitsRules.check(kind, limits);
        assertThat(rejection).isPresent();
        assertThat(rejection.get().field()).isEqualTo(field);
        assertThat(rejection.get().code()).isEqualTo(RejectionCode.INVALID_VALUE);
        assertThat(rejection.get().message()).isNotBlank();
    }
}
