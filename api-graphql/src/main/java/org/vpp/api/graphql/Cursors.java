package org.vpp.api.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Predicate;

/** Opaque keyset cursors of the connections: the last key of a page, tagged with its kind and Base64-encoded. */
public final class Cursors {

    private Cursors() {
    }

    public static String encode(String kind, String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((kind + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The key in a cursor of this kind; anything else is a bad {@code after} argument. */
    public static String decode(String kind, String cursor, Predicate<String> validKey) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String prefix = kind + ":";
            if (raw.startsWith(prefix) && validKey.test(raw.substring(prefix.length()))) return raw.substring(prefix.length());
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new BadArgumentException("after", "is not a cursor returned by this API");
    }
}
