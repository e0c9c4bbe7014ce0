package org.vpp.kernel;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The calendar of a day-ahead market: zone of the delivery day, slot length, and gate closure at a local time a
 * number of days before delivery (12:00 on D-1 for the European day-ahead coupling).
 */
public record MarketRules(ZoneId zone, Duration slotLength, LocalTime gateClosureTime, int gateClosureDaysBefore) {

    public MarketRules {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(slotLength, "slotLength");
        Objects.requireNonNull(gateClosureTime, "gateClosureTime");
        if (slotLength.isZero() || slotLength.isNegative() || Duration.ofHours(1).toNanos() % slotLength.toNanos() != 0) {
            throw new IllegalArgumentException("slot length must divide an hour, was " + slotLength);
        }
        if (gateClosureDaysBefore < 0) {
            throw new IllegalArgumentException("gate closure cannot be after the delivery day starts");
        }
    }

    public static MarketRules dayAhead(ZoneId zone, Duration slotLength) {
        return new MarketRules(zone, slotLength, LocalTime.NOON, 1);
    }

    public Instant gateClosure(LocalDate deliveryDay) {
        return deliveryDay.minusDays(gateClosureDaysBefore).atTime(gateClosureTime).atZone(zone).toInstant();
    }

    public Instant deliveryStart(LocalDate deliveryDay) {
        return deliveryDay.atStartOfDay(zone).toInstant();
    }

    public Instant deliveryEnd(LocalDate deliveryDay) {
        return deliveryDay.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Slot starts of the day; 92 or 100 quarter-hours on daylight-saving change days, 96 otherwise. */
    public List<Instant> slotStarts(LocalDate deliveryDay) {
        List<Instant> starts = new ArrayList<>();
        Instant end = deliveryEnd(deliveryDay);
        for (Instant t = deliveryStart(deliveryDay); t.isBefore(end); t = t.plus(slotLength)) {
            starts.add(t);
        }
        return starts;
    }

    public LocalDate deliveryDayOf(Instant at) {
        return at.atZone(zone).toLocalDate();
    }
}
