package org.vpp.simulator.series;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitTest {

    @Test
    void convertsKilowattsAndCentsToTheCanonicalUnit() {
        assertThat(Unit.KW.toCanonical(1500)).isEqualTo(1.5);
        assertThat(Unit.KW.canonical()).isEqualTo(Unit.MW);
        // 8.5 ct/kWh = 0.085 EUR per 0.001 MWh = 85 EUR/MWh
        assertThat(Unit.CT_PER_KWH.toCanonical(8.5)).isEqualTo(85.0);
    }
}
