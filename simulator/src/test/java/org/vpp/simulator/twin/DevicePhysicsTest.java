package org.vpp.simulator.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DevicePhysicsTest {

    private static final Duration ONE_MINUTE = Duration.ofMinutes(1);

    @ParameterizedTest(name = "PV from {0} MW with {1} MW available, asked {2} -> {3} MW, {4}")
    @CsvSource({
            "2, 3,   2.5, 2.5, NONE",
            "2, 3,   5,   3,   RESOURCE_LIMITED",
            "4, 8,   9,   5,   POWER_LIMITED",
            "2, 3,   0,   0,   NONE",
            "2, 3,   -1,  0,   POWER_LIMITED",
            "0, 4,   4,   1,   RAMP_LIMITED",
            "4, 0.5, 4,   0.5, RESOURCE_LIMITED"})
    void renewablesAreCurtailableButCannotExceedTheirResource(double fromMw, double availableMw, double setpointMw,
            double expectedMw, Limitation expected) {
        StepOutcome outcome = RenewablePhysics.step(fromMw, new RenewableLimits(5, 1), availableMw, setpointMw,
                ONE_MINUTE);
        assertThat(outcome.deliveredMw()).isCloseTo(expectedMw, within(1e-9));
        assertThat(outcome.limitation()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "generator from {0} MW asked {1} -> {2} MW, {3}")
    @CsvSource({
            "0,   0,   0,   NONE",
            "0,   3,   3,   NONE",
            "0,   1.5, 2,   POWER_LIMITED",
            "2,   12,  4,   RAMP_LIMITED",
            "9,   12,  10,  POWER_LIMITED",
            "2,   0,   0,   NONE",
            "8,   0,   6,   RAMP_LIMITED"})
    void aGeneratorRunsBetweenItsMinimumAndMaximumOrIsOff(double fromMw, double setpointMw, double expectedMw,
            Limitation expected) {
        StepOutcome outcome = GeneratorPhysics.step(fromMw, new GeneratorLimits(2, 10, 2), setpointMw, ONE_MINUTE);
        assertThat(outcome.deliveredMw()).isCloseTo(expectedMw, within(1e-9));
        assertThat(outcome.limitation()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "load of {0} MW asked {1} -> {2} MW, {3}")
    @CsvSource({
            "-4, -4, -4, NONE",
            "-4, -3, -3, NONE",
            "-4, -1, -2, POWER_LIMITED",
            "-4, -6, -4, RESOURCE_LIMITED",
            "-4, 2,  -2, POWER_LIMITED"})
    void aLoadCanShedItsFlexibleShareOnly(double demandMw, double setpointMw, double expectedMw, Limitation expected) {
        StepOutcome outcome = LoadPhysics.step(demandMw, 0.5, setpointMw);
        assertThat(outcome.deliveredMw()).isCloseTo(expectedMw, within(1e-9));
        assertThat(outcome.limitation()).isEqualTo(expected);
    }
}
