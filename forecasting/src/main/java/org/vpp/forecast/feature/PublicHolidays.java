package org.vpp.forecast.feature;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * National public holidays of the market zone's country, by its time zone: on these days load falls to a Sunday's
 * level and prices with it. The country is the one whose capital the zone is named after (Europe/Berlin is
 * Germany); a zone not listed gets the holidays shared by most of Europe. Regional holidays are left out: a
 * national series feels them a little, a device in the region a lot, and the forecaster does not know the region.
 */
public final class PublicHolidays {

    private record Country(List<MonthDay> fixed, List<Integer> daysAfterEaster) {
    }

    private static final Country COMMON = new Country(
            List.of(MonthDay.of(1, 1), MonthDay.of(12, 25), MonthDay.of(12, 26)), List.of(-2, 1));
    private static final Map<String, Country> BY_ZONE = Map.of(
            "Europe/Berlin", new Country(List.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(10, 3),
                    MonthDay.of(12, 25), MonthDay.of(12, 26)), List.of(-2, 1, 39, 50)),
            "Europe/Vienna", new Country(List.of(MonthDay.of(1, 1), MonthDay.of(1, 6), MonthDay.of(5, 1),
                    MonthDay.of(8, 15), MonthDay.of(10, 26), MonthDay.of(11, 1), MonthDay.of(12, 8),
                    MonthDay.of(12, 25), MonthDay.of(12, 26)), List.of(1, 39, 50, 60)),
            "Europe/Paris", new Country(List.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8),
                    MonthDay.of(7, 14), MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(11, 11),
                    MonthDay.of(12, 25)), List.of(1, 39, 50)),
            "Europe/Amsterdam", new Country(List.of(MonthDay.of(1, 1), MonthDay.of(4, 27), MonthDay.of(12, 25),
                    MonthDay.of(12, 26)), List.of(-2, 1, 39, 50)),
            "Europe/Brussels", new Country(List.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(7, 21),
                    MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25)),
                    List.of(1, 39, 50)));

    private final Country country;

    private PublicHolidays(Country country) {
        this.country = country;
    }

    public static PublicHolidays of(ZoneId zone) {
        return new PublicHolidays(BY_ZONE.getOrDefault(zone.getId(), COMMON));
    }

    /**
     * 1 on a public holiday, 0.5 on Christmas Eve and New Year's Eve (shops shut early, offices are empty), 0 else.
     * A Sunday holiday stays 1: the day-of-week feature already says Sunday.
     */
    public double level(LocalDate day) {
        if (country.fixed().contains(MonthDay.from(day))) return 1;
        LocalDate easter = easterSunday(day.getYear());
        for (int offset : country.daysAfterEaster()) {
            if (easter.plusDays(offset).equals(day)) return 1;
        }
        boolean eve = MonthDay.from(day).equals(MonthDay.of(12, 24)) || MonthDay.from(day).equals(MonthDay.of(12, 31));
        return eve && day.getDayOfWeek() != DayOfWeek.SUNDAY ? 0.5 : 0;
    }

    /** The Gregorian Easter Sunday (the anonymous algorithm of Meeus, Astronomical Algorithms, ch. 8). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int dayOfMonth = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, dayOfMonth);
    }
}
