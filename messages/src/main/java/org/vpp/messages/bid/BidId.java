package org.vpp.messages.bid;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Identity of a bidding cycle and of its bid: one per market zone and delivery day, {@code ZONE:YYYY-MM-DD}
 * ({@code DE-LU:2026-06-16}). Derived, not random, so asking twice for the same day names the same cycle.
 */
public record BidId(String value) implements Comparable<BidId> {

    private static final Pattern FORMAT = Pattern.compile("([A-Z0-9]{1,8}(?:-[A-Z0-9]{1,8}){0,2}):(\\d{4}-\\d{2}-\\d{2})");

    public BidId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("bid id must be ZONE:YYYY-MM-DD, the zone in capitals, digits and"
                    + " '-' (e.g. DE-LU:2026-06-16): " + value);
        }
    }

    public static boolean isValid(String value) {
        if (value == null) return false;
        var m = FORMAT.matcher(value);
        if (!m.matches()) return false;
        try {
            LocalDate.parse(m.group(2));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    public static BidId of(String value) {
        return new BidId(value);
    }

    public static BidId of(String zone, LocalDate deliveryDay) {
        return new BidId(zone + ":" + deliveryDay);
    }

    /** The market zone (bidding zone), e.g. {@code DE-LU}. */
    public String zone() {
        return value.substring(0, value.indexOf(':'));
    }

    /** The delivery day, in the zone's own calendar. */
    public LocalDate deliveryDay() {
        return LocalDate.parse(value.substring(value.indexOf(':') + 1));
    }

    @Override
    public int compareTo(BidId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
