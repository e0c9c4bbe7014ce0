package org.vpp.messages.alert;

import java.util.regex.Pattern;

/**
 * Identity of an alert: {@code alert:<kind>:<subject>}, e.g. {@code alert:asset-fault:bat-a1}. One id per kind and
 * subject, so a condition that lasts is one alert, raised once, and a condition that comes back raises the same
 * alert again (its next occurrence).
 */
public record AlertId(String value) implements Comparable<AlertId> {

    public static final int MAX_LENGTH = 140;
    private static final Pattern FORMAT = Pattern.compile(
            "alert:(asset-fault|site-silent|gate-closure-missed|dispatch-deviation|processor-lag|optimizer-gap)"
                    + ":[A-Za-z0-9][A-Za-z0-9._:@-]{0,109}");

    public AlertId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("alert id must be alert:<kind>:<subject>, the kind one of asset-fault,"
                    + " site-silent, gate-closure-missed, dispatch-deviation, processor-lag or optimizer-gap, the subject"
                    + " 1-110 letters, digits, '.', '_', ':', '@' or '-' starting with a letter or digit: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && value.length() <= MAX_LENGTH && FORMAT.matcher(value).matches();
    }

    public static AlertId of(AlertKind kind, String subject) {
        return new AlertId("alert:" + kind.slug() + ":" + subject);
    }

    public AlertKind kind() {
        int from = value.indexOf(':') + 1;
        return AlertKind.ofSlug(value.substring(from, value.indexOf(':', from)));
    }

    public String subject() {
        return value.substring(value.indexOf(':', value.indexOf(':') + 1) + 1);
    }

    @Override
    public int compareTo(AlertId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
