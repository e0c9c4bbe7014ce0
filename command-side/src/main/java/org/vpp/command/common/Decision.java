package org.vpp.command.common;

import java.util.List;

import org.vpp.messages.common.CommandRejection;

/**
 * What a decision function returns: the events to record (possibly none, for a command that changes nothing),
 * or the reason the command is refused.
 */
public sealed interface Decision<E> {

    record Accepted<E>(List<E> events) implements Decision<E> {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected<E>(CommandRejection rejection) implements Decision<E> {
    }

    @SafeVarargs
    static <E> Decision<E> accept(E... events) {
        return new Accepted<>(List.of(events));
    }

    static <E> Decision<E> nothingToDo() {
        return new Accepted<>(List.of());
    }

    static <E> Decision<E> reject(CommandRejection rejection) {
        return new Rejected<>(rejection);
    }

    /** The events of an accepted decision; throws {@link CommandRejectedException} for a rejected one. */
    default List<E> eventsOrThrow() {
        return switch (this) {
            case Accepted<E> accepted -> accepted.events();
            case Rejected<E> rejected -> throw new CommandRejectedException(rejected.rejection());
        };
    }
}
