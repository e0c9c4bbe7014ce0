package org.vpp.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatteryEnergyTest {

    @ParameterizedTest(name = "grid {0} MWh at {1}/{2} -> cells {3} MWh")
    @CsvSource({
            // charging 1 MWh from the grid at 90 % stores 0.9 MWh
            "-1,   0.9,  0.8,  0.9",
            // delivering 0.8 MWh at 80 % empties 1 MWh from the cells
            "0.8,  0.9,  0.8, -1",
            "0,    0.9,  0.8,  0",
            // lossless
            "2.5,  1,    1,   -2.5"})
    void chargingStoresLessThanItDrawsAndDischargingDrawsMoreThanItDelivers(double gridMwh, double etaCharge,
            double etaDischarge, double storedMwh) {
        assertThat(BatteryEnergy.storedChangeMwh(gridMwh, etaCharge, etaDischarge)).isCloseTo(storedMwh, within(1e-12));
    }

    @ParameterizedTest(name = "cells {0} MWh -> grid {1} MWh")
    @CsvSource({"0.9, -1", "-1, 0.8", "0, 0"})
    void theGridEnergyOfAChangeOfChargeIsTheInverse(double storedMwh, double gridMwh) {
        assertThat(BatteryEnergy.gridEnergyMwh(storedMwh, 0.9, 0.8)).isCloseTo(gridMwh, within(1e-12));
        assertThat(BatteryEnergy.storedChangeMwh(gridMwh, 0.9, 0.8)).isCloseTo(storedMwh, within(1e-12));
    }

    @Test
    void theTypedFrontHoldsAPowerForASlot() {
        // -4 MW (charging) for 15 min = -1 MWh at the grid, 0.95 MWh into the cells
        assertThat(BatteryEnergy.storedChange(Megawatts.of(-4), Duration.ofMinutes(15), 0.95, 0.9).value())
                .isCloseTo(0.95, within(1e-12));
    }
}
