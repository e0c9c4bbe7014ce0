package org.vpp.command.common;

import org.axonframework.commandhandling.CommandExecutionException;
import org.vpp.messages.common.CommandRejection;

/**
 * Carries a {@link CommandRejection} back to the sender. It is a {@link CommandExecutionException} so that the
 * rejection travels as the exception's details, also across Axon Server; the handler's unit of work rolls back, so
 * nothing is recorded.
 */
public class CommandRejectedException extends CommandExecutionException {

    public CommandRejectedException(CommandRejection rejection) {
        super(rejection.field() + ": " + rejection.message(), null, rejection);
    }

    public CommandRejection rejection() {
        return (CommandRejection) getDetails().orElseThrow();
    }
}
