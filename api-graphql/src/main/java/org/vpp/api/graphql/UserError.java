package org.vpp.api.graphql;

import org.vpp.messages.common.CommandRejection;
import org.vpp.messages.common.RejectionCode;

/** A refusal as GraphQL shows it: field path from the argument, code, reason. */
public record UserError(String field, RejectionCode code, String message) {

    public static UserError from(CommandRejection r, String prefix) {
        return new UserError(prefix + r.field(), r.code(), r.message());
    }
}
