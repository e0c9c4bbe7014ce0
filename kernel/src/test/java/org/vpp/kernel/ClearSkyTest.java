package org.vpp.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClearSkyTest {

    private static final Instant T0 = Instant.parse("2024-06-21T00:00:00Z");

    @ParameterizedTest(name = "zenith {0} deg -> GHI between {1} and {2} W/m2")
    @CsvSource({
            "0,   1030, 1040",
            "60,  485,  495",
            "89.9, 0,   1",
            "90,  0,    0",
            "95,  0,    0"})
    void haurwitzMatchesItsPublishedShape(double zenithDeg, double low, double high) {
        assertThat(ClearSky.haurwitzGhiWPerM2(zenithDeg)).isBetween(low, high);
    }

    @Test
    void atZenithSixtyItIsTheFormulaWorkedByHand() {
        // cos 60° = 0.5: 1098 * 0.5 * exp(-0.114) = 549 * 0.892258... = 489.85...
        assertThat(ClearSky.haurwitzGhiWPerM2(60)).isCloseTo(489.850, within(0.001));
    }

    @Test
    void anIntervalInWhichTheSunRisesIsNotDark() {
        // The sun sits at zenith 95° until 01:00, then is at 60° (a step, to make the sampling visible).
        Instant sunrise = T0.plus(Duration.ofMinutes(60));
        double[] means = ClearSky.intervalMeans(at -> at.isBefore(sunrise) ? 95 : 60, T0.plus(Duration.ofMinutes(30)),
                Duration.ofMinutes(30), 3);

        double lit = ClearSky.haurwitzGhiWPerM2(60);
        // [00:30, 01:00): only its end edge is lit: 1/6 of the bright value
        assertThat(means[0]).isCloseTo(lit / 6, within(1e-9));
        // [01:00, 01:30) and later: fully lit
        assertThat(means[1]).isCloseTo(lit, within(1e-9));
        assertThat(means[2]).isCloseTo(lit, within(1e-9));
    }
}
