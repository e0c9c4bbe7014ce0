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
import org.vpp.kernel.TechnicalLimits;
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
                Arguments.of("zero grid limit", SITE, TechnicalLimits.groupWithGridLimit(0.0), "limits.gridConnectionLimitMw"),
                Arguments.of("max power of 1e308", PV, TechnicalLimits.power(0, 1e308, null), "limits.maxPowerMw"),
                Arguments.of("min power of -1e308", BATTERY, storage(-1e308, 2, 4.0, 0.9, 0.9, 0.0, 1.0, 0.0), "limits.minPowerMw"),
                Arguments.of("max power 1 MW beyond 100 GW", GENERATOR, TechnicalLimits.power(0, 100_001, null), "limits.maxPowerMw"),
                Arguments.of("min power 1 MW beyond -100 GW", LOAD, TechnicalLimits.power(-100_001, 0, null), "limits.minPowerMw"),
                Arguments.of("capacity of 1e308", BATTERY, storage(-2, 2, 1e308, 0.9, 0.9, 0.0, 1.0, 0.0), "limits.energyCapacityMwh"),
                Arguments.of("capacity of -1e308", BATTERY, storage(-2, 2, -1e308, 0.9, 0.9, 0.0, 1.0, 0.0), "limits.energyCapacityMwh"),
                Arguments.of("capacity 1 MWh beyond 1 TWh", BATTERY, storage(-2, 2, 1_000_001.0, 0.9, 0.9, 0.0, 1.0, 0.0), "limits.energyCapacityMwh"),
                Arguments.of("ramp of 1e308", GENERATOR, TechnicalLimits.power(0, 2, 1e308), "limits.rampRateMwPerMin"),
                Arguments.of("ramp beyond 200 GW/min", GENERATOR, TechnicalLimits.power(0, 2, 200_001.0), "limits.rampRateMwPerMin"),
                Arguments.of("efficiency of 1e308", BATTERY, storage(-2, 2, 4.0, 1e308, 0.9, 0.0, 1.0, 0.0), "limits.chargeEfficiency"),
                Arguments.of("SoC of -1e308", BATTERY, storage(-2, 2, 4.0, 0.9, 0.9, -1e308, 1.0, 0.0), "limits.minSoc"),
                Arguments.of("grid limit of 1e308", SITE, TechnicalLimits.groupWithGridLimit(1e308), "limits.gridConnectionLimitMw"));
    }

    static Stream<Arguments> limitsAtTheirPlausibleBounds() {
        return Stream.of(
                Arguments.of(GENERATOR, TechnicalLimits.power(0, 100_000, 200_000.0)),
                Arguments.of(LOAD, TechnicalLimits.power(-100_000, 0, null)),
                Arguments.of(BATTERY, storage(-100_000, 100_000, 1_000_000.0, 1.0, 1.0, 0.0, 1.0, 1.0)),
                Arguments.of(SITE, TechnicalLimits.groupWithGridLimit(100_000.0)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource
    void limitsAtTheirPlausibleBounds(AssetKind kind, TechnicalLimits limits) {
        assertThat(LimitsRules.check(kind, limits)).isEmpty();
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
