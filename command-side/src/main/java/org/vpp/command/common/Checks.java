package org.vpp.command.common;

import static org.vpp.messages.common.RejectionCode.INVALID_VALUE;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.vpp.messages.common.CommandRejection;

/** Combines named rule checks: the first that refuses wins, in the order the rulebook lists them. */
public final class Checks {

    private Checks() {
    }

    @SafeVarargs
    public static Optional<CommandRejection> firstOf(Optional<CommandRejection>... checks) {
        for (Optional<CommandRejection> check : checks) {
            if (check.isPresent()) return check;
        }
        return Optional.empty();
    }

    /** As {@link #firstOf}, but a check is only evaluated when those before it passed (later ones may rely on them). */
    @SafeVarargs
    public static Optional<CommandRejection> firstLazily(Supplier<Optional<CommandRejection>>... checks) {
        for (Supplier<Optional<CommandRejection>> check : checks) {
            Optional<CommandRejection> refusal = check.get();
            if (refusal.isPresent()) return refusal;
        }
        return Optional.empty();
    }

    /**
     * Free text (names, reasons) is printable Unicode: no C0 control character (U+0000 to U+001F, so no NUL, tab or
     * line break), no DEL or C1 control (U+007F to U+009F) and no lone surrogate. PostgreSQL refuses NUL in text, so
     * such a string let through would be stored as an event that no read model can ever show.
     */
    public static Optional<CommandRejection> plainText(String field, String value) {
        if (value == null) return Optional.empty();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x1F || (c >= 0x7F && c <= 0x9F)) {
                return Optional.of(CommandRejection.of(field, INVALID_VALUE,
                        "must not contain control characters: found " + codePoint(c) + " at position " + (i + 1)));
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++; // a well-formed pair: one character outside the Basic Multilingual Plane
            } else if (Character.isSurrogate(c)) {
                return Optional.of(CommandRejection.of(field, INVALID_VALUE,
                        "must be well-formed Unicode: found a lone surrogate " + codePoint(c) + " at position " + (i + 1)));
            }
        }
        return Optional.empty();
    }

    private static String codePoint(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}
