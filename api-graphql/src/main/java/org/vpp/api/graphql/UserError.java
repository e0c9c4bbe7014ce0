package org.vpp.api.graphql;

import org.vpp.messages.common.CommandRejection;
import org.vpp.messages.common.RejectionCode;

/** A refusal as GraphQL shows it: field path from the argument, code, reason. */
public record UserError(String field, RejectionCode code, String message) {

    /** Commands name the asset {@code assetId}; the mutation inputs call it {@code id}. */
    public static UserError from(CommandRejection r, String prefix) {
        String field = r.field().equals("assetId") ? "id" : r.field();
        return new UserError(prefix + field, r.code(), r.message());
    }
}
