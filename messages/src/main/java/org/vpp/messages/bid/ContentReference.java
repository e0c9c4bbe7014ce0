package org.vpp.messages.bid;

import java.util.regex.Pattern;

/**
 * A large input stored once, immutable, outside the event store (a fleet snapshot, a set of device forecasts, a
 * schedule per asset): its id in that store and the SHA-256 of its content, in lower-case hex, so an auditor can
 * prove from the event alone which content was used.
 */
public record ContentReference(String id, String sha256) {

    public static final int MAX_ID_LENGTH = 200;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@/+-]{0," + (MAX_ID_LENGTH - 1) + "}");

    public ContentReference {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("content id must be 1-" + MAX_ID_LENGTH
                    + " letters, digits or . _ : @ / + -, starting with a letter or digit: " + id);
        }
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: " + sha256);
        }
    }

    public static ContentReference of(String id, String sha256) {
        return new ContentReference(id, sha256);
    }
}
