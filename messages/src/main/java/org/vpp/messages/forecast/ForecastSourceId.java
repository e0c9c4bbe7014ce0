package org.vpp.messages.forecast;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Identity of a forecast source: {@code KIND:subject}, the subject being an asset id for devices
 * ({@code pv:roof-7}, {@code load:factory-2}) or a market zone for prices ({@code price:DE-LU}).
 */
public record ForecastSourceId(String value) implements Comparable<ForecastSourceId> {

    public static final int MAX_LENGTH = 80;
    private static final Pattern FORMAT = Pattern.compile("(pv|wind|load|price):[A-Za-z0-9][A-Za-z0-9._:-]{0,69}");

    public ForecastSourceId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("forecast source id must be pv:, wind:, load: or price: followed by"
                    + " 1-70 letters, digits, '.', '_', ':' or '-' starting with a letter or digit: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && value.length() <= MAX_LENGTH && FORMAT.matcher(value).matches();
    }

    public static ForecastSourceId of(String value) {
        return new ForecastSourceId(value);
    }

    public static ForecastSourceId of(ForecastSourceKind kind, String subject) {
        return new ForecastSourceId(kind.prefix() + ":" + subject);
    }

    public ForecastSourceKind kind() {
        return ForecastSourceKind.valueOf(value.substring(0, value.indexOf(':')).toUpperCase(Locale.ROOT));
    }

    /** The asset id of a device source, the market zone of a price source. */
    public String subject() {
        return value.substring(value.indexOf(':') + 1);
    }

    @Override
    public int compareTo(ForecastSourceId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
