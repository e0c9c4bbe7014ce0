package org.vpp.sagas.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.vpp.sagas.dispatch.DispatchFixtures.QUARTER;
import static org.vpp.sagas.dispatch.DispatchFixtures.START;
import static org.vpp.sagas.dispatch.DispatchFixtures.battery;
import static org.vpp.sagas.dispatch.DispatchFixtures.generator;
import static org.vpp.sagas.dispatch.DispatchFixtures.offline;
import static org.vpp.sagas.dispatch.DispatchFixtures.pv;
import static org.vpp.sagas.dispatch.DispatchFixtures.reporting;
import static org.vpp.sagas.dispatch.DispatchFixtures.wind;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.dispatch.Shortfall;
import org.vpp.messages.dispatch.ShortfallCause;

/**
 * The shortfall rules as a table worked by hand. The slot is 15 minutes (0.25 h), {@code now} is the slot's start,
 * readings go stale after 10 minutes and the tolerance is 0.01 MW.
 * <ul>
 *   <li>B1: battery, -4..4 MW, 4 MWh, usable SoC 0.2..0.9, efficiencies 1;</li>
 *   <li>B2: as B1 with charge and discharge efficiencies 0.8;</li>
 *   <li>PV1 (5 MW), W1 (6 MW);</li>
 *   <li>G1: generator 1..10 MW ramping 0.1 MW/min, so 1.5 MW over the slot.</li>
 * </ul>
 */
class ShortfallRulesTest {

    private static final DispatchSettings SETTINGS = new DispatchSettings(Duration.ofMinutes(1),
            Duration.ofMinutes(5), Duration.ofMinutes(10), 0.01, 10, Duration.ofHours(6));

    private static final DispatchPlan PLAN = DispatchFixtures.marketPlan(QUARTER, List.of(
                    battery("B1", -4, 4, 4, 0.2, 0.9, 1, 10, "S1", "R1", "P"),
                    battery("B2", -4, 4, 4, 0.2, 0.9, 0.8, 10, "S1", "R1", "P"),
                    pv("PV1", 5, 0, "S1", "R1", "P"),
                    wind("W1", 6, 0, "S2", "R1", "P"),
                    generator("G1", 1, 10, 0.1, 50, "S2", "R1", "P")),
            List.of(), Map.of(), Map.of());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                                                              | device | setpoint | status      | age | power | soc       | cause            | missing
            a reporting battery with energy to spare delivers: (0.5-0.2)*4/0.25 = 4.8 >= 2      | B1     |  2       | ONLINE      |  1  |  2    | 0.5       |                  |
            an offline battery misses its whole setpoint                                        | B1     |  2       | OFFLINE     |  1  |  2    | 0.5       | OFFLINE          |  2
            an offline charging battery misses its charge, with its sign                        | B1     | -2       | OFFLINE     |  1  | -2    | 0.5       | OFFLINE          | -2
            a reading that says unavailable counts as offline                                   | B1     |  2       | UNAVAILABLE |  1  |  2    | 0.5       | OFFLINE          |  2
            a device of which nothing is known counts as offline                                | B1     |  2       | NONE        |     |       |           | OFFLINE          |  2
            offline is named before silence                                                     | B1     |  2       | OFFLINE     |     |       |           | OFFLINE          |  2
            a device that never reported misses its whole setpoint                              | B1     |  2       | ONLINE      |     |       |           | NO_TELEMETRY     |  2
            a reading 11 minutes old is stale                                                   | B1     |  2       | ONLINE      | 11  |  2    | 0.5       | NO_TELEMETRY     |  2
            a reading exactly 10 minutes old is not yet stale                                   | B1     |  2       | ONLINE      | 10  |  2    | 0.5       |                  |
            silence is named before the state of charge                                         | B1     |  2       | ONLINE      | 11  |  2    | 0.25      | NO_TELEMETRY     |  2
            a low battery holds (0.25-0.2)*4/0.25 = 0.8 MW of 2                                 | B1     |  2       | ONLINE      |  1  |  2    | 0.25      | STATE_OF_CHARGE  |  1.2
            a battery with exactly the energy holds: (0.325-0.2)*4/0.25 = 2                     | B1     |  2       | ONLINE      |  1  |  2    | 0.325     |                  |
            a battery short by 0.005 MW is within the tolerance: (0.3246875-0.2)*4/0.25 = 1.995 | B1     |  2       | ONLINE      |  1  |  2    | 0.3246875 |                  |
            a nearly full battery takes (0.9-0.85)*4/0.25 = 0.8 MW of a -2 MW charge            | B1     | -2       | ONLINE      |  1  | -2    | 0.85      | STATE_OF_CHARGE  | -1.2
            a battery with room to charge charges: (0.9-0.5)*4/0.25 = 6.4 >= 2                  | B1     | -2       | ONLINE      |  1  | -2    | 0.5       |                  |
            discharge efficiency lowers what a low battery holds: 0.2*0.8/0.25 = 0.64           | B2     |  2       | ONLINE      |  1  |  2    | 0.25      | STATE_OF_CHARGE  |  1.36
            charge efficiency raises what a full battery draws: 0.2/0.8/0.25 = 1                | B2     | -2       | ONLINE      |  1  | -2    | 0.85      | STATE_OF_CHARGE  | -1
            a setpoint above the battery's 4 MW is held only to 4                               | B1     |  5       | ONLINE      |  1  |  4    | 0.9       | STATE_OF_CHARGE  |  1
            a battery whose state of charge is unknown is not judged                            | B1     |  2       | ONLINE      |  1  |  2    |           |                  |
            a PV plant 0.5 MW under its setpoint is taken to stay there                         | PV1    |  3       | ONLINE      |  1  |  2.5  |           | UNDER_PERFORMING |  0.5
            a PV plant within the tolerance is on target                                        | PV1    |  3       | ONLINE      |  1  |  2.995|           |                  |
            a PV plant above its setpoint is no shortfall                                       | PV1    |  3       | ONLINE      |  1  |  3.4  |           |                  |
            a wind farm at 1 MW of 4 misses 3                                                   | W1     |  4       | ONLINE      |  1  |  1    |           | UNDER_PERFORMING |  3
            a generator at 4 MW reaches only 4 + 0.1*15 = 5.5 of 6                              | G1     |  6       | ONLINE      |  1  |  4    |           | UNDER_PERFORMING |  0.5
            a generator at 4 MW reaches 5.5 exactly                                             | G1     |  5.5     | ONLINE      |  1  |  4    |           |                  |
            a generator coming down more slowly than asked delivers more, not less              | G1     |  3       | ONLINE      |  1  |  8    |           |                  |
            a generator whose reading has no power is not judged                                | G1     |  6       | ONLINE      |  1  |       |           |                  |
            an offline device asked for no more than the tolerance is not reported              | PV1    |  0.005   | OFFLINE     |  1  |  0    |           |                  |
            """)
    void foreseesWhoMissesTheSetpointAndWhy(String description, String device, double setpoint, String status,
                                             Integer ageMinutes, Double powerMw, Double soc, ShortfallCause cause,
                                             Double missing) {
        Map<String, DeviceCondition> conditions = new HashMap<>();
        switch (status) {
            case "ONLINE" -> conditions.put(device, reporting(device, ageMinutes, powerMw, soc));
            case "OFFLINE" -> conditions.put(device, new DeviceCondition(device, false, at(ageMinutes), powerMw, soc, true));
            case "UNAVAILABLE" -> conditions.put(device, new DeviceCondition(device, true, at(ageMinutes), powerMw, soc, false));
            default -> { } // NONE: no condition at all
        }

        List<Shortfall> shortfalls = ShortfallRules.foresee(PLAN, 0, Map.of(device, setpoint), conditions, START, SETTINGS);

        if (cause == null) {
            assertThat(shortfalls).isEmpty();
        } else {
            assertThat(shortfalls).hasSize(1);
            Shortfall shortfall = shortfalls.getFirst();
            assertThat(shortfall.assetId()).isEqualTo(device);
            assertThat(shortfall.cause()).isEqualTo(cause);
            assertThat(shortfall.missing().value()).isCloseTo(missing, within(1e-9));
        }
    }

    @Test
    void devicesWithSetpointsAreJudgedInIdOrderAndOthersNotAtAll() {
        var setpoints = Map.of("W1", 4.0, "B1", 2.0, "G1", 6.0);
        var conditions = Map.of(
                "W1", reporting("W1", 1, 1.0, null),   // 4 - 1 = 3 under
                "B1", offline("B1"),                   // all 2
                "G1", reporting("G1", 1, 6.0, null),   // on target
                "PV1", offline("PV1"));                // offline, but it has no setpoint

        assertThat(ShortfallRules.foresee(PLAN, 0, setpoints, conditions, START, SETTINGS)).containsExactly(
                new Shortfall("B1", Megawatts.of(2), ShortfallCause.OFFLINE),
                new Shortfall("W1", Megawatts.of(3), ShortfallCause.UNDER_PERFORMING));
    }

    @Test
    void aSetpointForADeviceOutsideThePlanIsRefusedAsMalformed() {
        assertThatThrownBy(() -> ShortfallRules.foresee(PLAN, 0, Map.of("X9", 1.0), Map.of(), START, SETTINGS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static java.time.Instant at(Integer ageMinutes) {
        return ageMinutes == null ? null : START.minus(Duration.ofMinutes(ageMinutes));
    }
}
