package org.vpp.command.common;

import static org.vpp.messages.common.RejectionCode.INVALID_VALUE;

import java.util.Optional;
import java.util.function.Supplier;

import org.vpp.messages.common.CommandRejection;
import org.vpp.messages.common.PlainText;

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

    /** Free text is printable Unicode: the shared rule of {@link PlainText}. */
    public static Optional<CommandRejection> plainText(String field, String value) {
        return PlainText.problem(field, value);
    }
}
