package org.vpp.messages.dispatch;

import java.util.regex.Pattern;

import org.vpp.messages.bid.BidId;

/**
 * Identity of a dispatch. A market dispatch is named after the bid it delivers ({@code market:DE-LU:2026-06-16}),
 * so a bid's result dispatched twice names the same dispatch; a manual one gets {@code manual:} and an id from the
 * application's id provider.
 */
public record DispatchId(String value) implements Comparable<DispatchId> {

    public static final int MAX_LENGTH = 100;
    private static final Pattern FORMAT = Pattern.compile("(market|manual):[A-Za-z0-9][A-Za-z0-9:._-]{0,90}");

    public DispatchId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("dispatch id must be 'market:' or 'manual:' followed by 1-91 letters,"
                    + " digits, ':', '.', '_' or '-' (e.g. market:DE-LU:2026-06-16): " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && value.length() <= MAX_LENGTH && FORMAT.matcher(value).matches();
    }

    public static DispatchId of(String value) {
        return new DispatchId(value);
    }

    public static DispatchId forBid(BidId bid) {
        return new DispatchId("market:" + bid.value());
    }

    public static DispatchId manual(String suffix) {
        return new DispatchId("manual:" + suffix);
    }

    public DispatchKind kind() {
        return value.startsWith("market:") ? DispatchKind.MARKET : DispatchKind.MANUAL;
    }

    @Override
    public int compareTo(DispatchId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
