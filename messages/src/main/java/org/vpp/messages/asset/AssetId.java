package org.vpp.messages.asset;

import java.util.regex.Pattern;

/** Identity of a node of the fleet tree, chosen by the operator (e.g. {@code bat-berlin-042}). */
public record AssetId(String value) implements Comparable<AssetId> {

    public static final int MAX_LENGTH = 64;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0," + (MAX_LENGTH - 1) + "}");

    public AssetId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("asset id must be 1-" + MAX_LENGTH
                    + " characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    public static AssetId of(String value) {
        return new AssetId(value);
    }

    @Override
    public int compareTo(AssetId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
