package org.vpp.api.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** How the report sums a day's deviations into its "largest deviations" line. */
class SimulationReportTest {

    @Test
    void deviationsAreSummedPerDeviceAndPerFleetCauseWhateverTheSlotsWording() {
        var day = new SimulationReport.DayBuilder(LocalDate.of(2026, 6, 16), "DE-LU:2026-06-16");
        day.deviationCause("wind-3", "delivered 0.01 MW of a 2.80 MW setpoint", 0.7);
        day.deviationCause("wind-3", "delivered 0.00 MW of a 2.80 MW setpoint", 0.7);
        day.deviationCause(null, "the plan could not cover the target", 5.0);
        day.deviationCause(null, "90 other devices", 0.2);
        day.deviationCause(null, "89 other devices", 0.3);
        day.deviationCause(null, "1 other device", 0.1);
        day.deviationCause("bat-1", "delivered -0.04 MW of a -26.58 MW setpoint", 1.0);

        assertThat(day.build().largestDeviations()).containsExactly(
                java.util.Map.entry("the plan could not cover the target", 5.0),
                java.util.Map.entry("wind-3", 1.4),
                java.util.Map.entry("bat-1", 1.0),
                java.util.Map.entry("other devices (each below the listed ones)", 0.6));
    }
}
