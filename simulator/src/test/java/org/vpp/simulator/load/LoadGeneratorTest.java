package org.vpp.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vpp.kernel.TimeSeries;

class LoadGeneratorTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    // Monday 3 March 2025
    private static final Instant MONDAY = LocalDate.of(2025, 3, 3).atStartOfDay(BERLIN).toInstant();

    @Test
    void loadIsConsumptionAndNeverBeyondItsPeakByMoreThanNoise() {
        LoadProfile profile = LoadProfile.of(2.0, LoadShape.RESIDENTIAL, BERLIN);
        TimeSeries load = LoadGenerator.demandMw(profile, MONDAY, Duration.ofMinutes(15), 4 * 96 * 7, 1, "home-1");
        assertThat(load.max()).isLessThan(0);
        assertThat(load.min()).isGreaterThan(-2.0 * 1.25);
    }

    @Test
    void residentialDemandPeaksInTheEveningAndBottomsOutAtNight() {
        LoadProfile profile = LoadProfile.of(1.0, LoadShape.RESIDENTIAL, BERLIN);
        ZonedDateTime monday = MONDAY.atZone(BERLIN);
        double evening = LoadGenerator.expectedFractionOfPeak(profile, monday.withHour(19));
        double night = LoadGenerator.expectedFractionOfPeak(profile, monday.withHour(3));
        assertThat(evening).isGreaterThan(2 * night);
    }

    @Test
    void weekendsAndHolidaysDrawLessThanWorkingDaysForCommerce() {
        LocalDate holiday = LocalDate.of(2025, 3, 4);
        LoadProfile profile = LoadProfile.of(1.0, LoadShape.COMMERCIAL, BERLIN).withHolidays(Set.of(holiday));
        ZonedDateTime mondayNoon = MONDAY.atZone(BERLIN).withHour(12);
        double workingDay = LoadGenerator.expectedFractionOfPeak(profile, mondayNoon);
        double holidayNoon = LoadGenerator.expectedFractionOfPeak(profile, mondayNoon.plusDays(1));
        double saturday = LoadGenerator.expectedFractionOfPeak(profile, mondayNoon.plusDays(5));
        assertThat(holidayNoon).isLessThan(0.7 * workingDay);
        assertThat(saturday).isLessThan(0.7 * workingDay);
    }

    @Test
    void theSameSeedAndAssetGiveTheSameLoadAndOtherAssetsDiffer() {
        LoadProfile profile = LoadProfile.of(1.0, LoadShape.RESIDENTIAL, BERLIN);
        TimeSeries a = LoadGenerator.demandMw(profile, MONDAY, Duration.ofHours(1), 168, 9, "a");
        assertThat(LoadGenerator.demandMw(profile, MONDAY, Duration.ofHours(1), 168, 9, "a")).isEqualTo(a);
        assertThat(LoadGenerator.demandMw(profile, MONDAY, Duration.ofHours(1), 168, 9, "b")).isNotEqualTo(a);
        assertThat(LoadGenerator.demandMw(profile, MONDAY, Duration.ofHours(1), 168, 10, "a")).isNotEqualTo(a);
    }
}
