package org.vpp.forecast.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vpp.kernel.GeoLocation;

class ClearSkyTest {

    private static final SiteClearSky BERLIN = new SiteClearSky(new GeoLocation(52.52, 13.40));

    @Test
    void isZeroAtMidnightAndHighAtSummerNoon() {
        assertThat(BERLIN.irradianceAt(Instant.parse("2024-06-21T23:00:00Z"))).isZero();
        assertThat(BERLIN.irradianceAt(Instant.parse("2024-06-21T11:10:00Z"))).isBetween(800.0, 1000.0);
    }

    @Test
    void summerNoonIsBrighterThanWinterNoon() {
        double summer = BERLIN.irradianceAt(Instant.parse("2024-06-21T11:10:00Z"));
        double winter = BERLIN.irradianceAt(Instant.parse("2024-12-21T11:10:00Z"));

        assertThat(winter).isPositive().isLessThan(summer / 2);
    }

    @Test
    void anIntervalInWhichTheSunRisesIsNotDark() {
        double[] means = BERLIN.intervalMeans(Instant.parse("2024-06-21T00:00:00Z"), Duration.ofMinutes(15), 96);

        int firstLight = 0;
        while (means[firstLight] == 0) {
            firstLight++;
        }
        assertThat(firstLight).as("sunrise in Berlin on 21 June is about 02:43 UTC").isBetween(10, 11);
    }
}
