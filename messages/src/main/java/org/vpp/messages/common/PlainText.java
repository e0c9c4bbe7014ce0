package org.vpp.messages.common;

import java.util.Locale;
import java.util.Optional;

/**
 * The rule for free text (names, reasons), in the shared language so that the command side and the application
 * layer refuse the same strings: printable Unicode, i.e. no C0 control character (U+0000 to U+001F, so no NUL, tab or
 * line break), no DEL or C1 control (U+007F to U+009F) and no lone surrogate. PostgreSQL refuses NUL in text, so such
 * a string let through would be stored as an event that no read model can ever show.
 */
public final class PlainText {

    private PlainText() {
    }

    /** The refusal for {@code field}, or empty when the text is plain (null counts as plain: absence is checked apart). */
    public static Optional<CommandRejection> problem(String field, String value) {
        if (value == null) return Optional.empty();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x1F || (c >= 0x7F && c <= 0x9F)) {
                return Optional.of(CommandRejection.of(field, RejectionCode.INVALID_VALUE,
                        "must not contain control characters: found " + codePoint(c) + " at position " + (i + 1)));
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++; // a well-formed pair: one character outside the Basic Multilingual Plane
            } else if (Character.isSurrogate(c)) {
                return Optional.of(CommandRejection.of(field, RejectionCode.INVALID_VALUE,
                        "must be well-formed Unicode: found a lone surrogate " + codePoint(c) + " at position " + (i + 1)));
            }
        }
        return Optional.empty();
    }

    private static String codePoint(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}
