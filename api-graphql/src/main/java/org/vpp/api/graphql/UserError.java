package org.vpp.api.graphql;

import java.util.Optional;
import java.util.function.UnaryOperator;

import org.axonframework.commandhandling.CommandExecutionException;
import org.vpp.messages.common.CommandRejection;
import org.vpp.messages.common.RejectionCode;

/** A refusal as GraphQL shows it: field path from the argument, code, reason. */
public record UserError(String field, RejectionCode code, String message) {

    /** Commands name the asset {@code assetId}; the mutation inputs call it {@code id}. */
    public static UserError from(CommandRejection r, String prefix) {
        return from(r, prefix, field -> field.equals("assetId") ? "id" : field);
    }

    /** The command's rejection carried by the exception, if it is one (the aggregate's decision said no). */
    public static Optional<CommandRejection> rejectionIn(CommandExecutionException e) {
        return e.getDetails().filter(CommandRejection.class::isInstance).map(CommandRejection.class::cast);
    }

    /** A rejection whose command field is named differently in the mutation's input, as {@code inputField} says. */
    public static UserError from(CommandRejection r, String prefix, UnaryOperator<String> inputField) {
        return new UserError(prefix + inputField.apply(r.field()), r.code(), r.message());
    }
}
