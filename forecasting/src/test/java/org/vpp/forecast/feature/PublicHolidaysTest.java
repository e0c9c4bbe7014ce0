package org.vpp.forecast.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PublicHolidaysTest {

    @Test
    void knowsEasterSundayForYearsWhoseDateIsPublished() {
        assertThat(PublicHolidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(PublicHolidays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(PublicHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(PublicHolidays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
    }

    @Test
    void germanyHasItsNationalHolidaysAndTheEvesAtHalf() {
        PublicHolidays germany = PublicHolidays.of(ZoneId.of("Europe/Berlin"));

        assertThat(germany.level(LocalDate.of(2024, 3, 29))).as("Good Friday").isEqualTo(1);
        assertThat(germany.level(LocalDate.of(2024, 5, 9))).as("Ascension").isEqualTo(1);
        assertThat(germany.level(LocalDate.of(2024, 5, 20))).as("Whit Monday").isEqualTo(1);
        assertThat(germany.level(LocalDate.of(2024, 10, 3))).as("German Unity").isEqualTo(1);
        assertThat(germany.level(LocalDate.of(2024, 12, 24))).as("Christmas Eve").isEqualTo(0.5);
        assertThat(germany.level(LocalDate.of(2024, 7, 14))).as("a French holiday").isZero();
        assertThat(PublicHolidays.of(ZoneId.of("Europe/Paris")).level(LocalDate.of(2024, 7, 14))).isEqualTo(1);
    }
}
