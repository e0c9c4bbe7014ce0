package org.vpp.command.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vpp.messages.common.RejectionCode;

class PlainTextTest {

    static Stream<Arguments> refusedText() {
        return Stream.of(
                Arguments.of("NUL", "bat\u0000ery", "U+0000 at position 4"),
                Arguments.of("unit separator, the last C0", "a\u001F", "U+001F at position 2"),
                Arguments.of("line feed", "two\nlines", "U+000A at position 4"),
                Arguments.of("tab", "\tindented", "U+0009 at position 1"),
                Arguments.of("escape", "\u001B[31mred", "U+001B at position 1"),
                Arguments.of("DEL", "del\u007F", "U+007F at position 4"),
                Arguments.of("next line, a C1 control", "x\u0085y", "U+0085 at position 2"),
                Arguments.of("application program command, the last C1", "\u009F", "U+009F at position 1"),
                Arguments.of("lone high surrogate", "ab\uD800", "lone surrogate U+D800 at position 3"),
                Arguments.of("lone low surrogate", "\uDC00ab", "lone surrogate U+DC00 at position 1"),
                Arguments.of("two high surrogates", "\uD83D\uD83D", "lone surrogate U+D83D at position 1"),
                Arguments.of("swapped pair", "\uDE00\uD83D", "lone surrogate U+DE00 at position 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refusedText(String description, String text, String where) {
        var rejection = Checks.plainText("name", text);
        assertThat(rejection).hasValueSatisfying(r -> {
            assertThat(r.field()).isEqualTo("name");
            assertThat(r.code()).isEqualTo(RejectionCode.INVALID_VALUE);
            assertThat(r.message()).endsWith(where);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Battery Nord 7", "Umspannwerk Süd", "風力発電所", "sun \uD83C\uDF1E pair", "space\u00A0(U+00A0, after C1)",
            "tilde~ (U+007E, before DEL)", " "})
    void printableTextIsAccepted(String text) {
        assertThat(Checks.plainText("reason", text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void noTextIsNotThisRulesBusiness() {
        assertThat(Checks.plainText("reason", null)).isEmpty();
    }
}
