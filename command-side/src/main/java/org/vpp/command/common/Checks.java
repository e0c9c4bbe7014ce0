package org.vpp.command.common;

import java.util.Optional;

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
}
