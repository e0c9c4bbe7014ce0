package org.vpp.api.graphql;

import java.util.Optional;

import org.vpp.messages.asset.AssetId;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.common.RejectionCode;
import org.vpp.messages.dispatch.DispatchId;

/** Parsing of ids from GraphQL input into typed ids, with errors that name the field. */
final class Ids {

    private Ids() {
    }

    static Optional<UserError> problem(String field, String value, boolean required) {
        if (value == null) {
            return required ? Optional.of(new UserError(field, RejectionCode.INVALID_VALUE, "is required")) : Optional.empty();
        }
        return AssetId.isValid(value) ? Optional.empty()
                : Optional.of(new UserError(field, RejectionCode.INVALID_VALUE,
                "must be 1-" + AssetId.MAX_LENGTH + " characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit"));
    }

    static AssetId orNull(String value) {
        return value == null ? null : AssetId.of(value);
    }

    /** For query arguments: a malformed id is a bad request. */
    static AssetId required(String field, String value) {
        problem(field, value, true).ifPresent(e -> {
            throw new BadArgumentException(field, e.message());
        });
        return AssetId.of(value);
    }

    static Optional<UserError> bidProblem(String field, String value) {
        if (value == null) return Optional.of(new UserError(field, RejectionCode.INVALID_VALUE, "is required"));
        return BidId.isValid(value) ? Optional.empty() : Optional.of(new UserError(field, RejectionCode.INVALID_VALUE,
                "must be a bid id ZONE:YYYY-MM-DD, e.g. DE-LU:2026-06-17, got " + value));
    }

    /** For query arguments: a malformed bid id is a bad request. */
    static BidId requiredBid(String field, String value) {
        bidProblem(field, value).ifPresent(e -> {
            throw new BadArgumentException(field, e.message());
        });
        return BidId.of(value);
    }

    static Optional<UserError> dispatchProblem(String field, String value) {
        if (value == null) return Optional.of(new UserError(field, RejectionCode.INVALID_VALUE, "is required"));
        return DispatchId.isValid(value) ? Optional.empty() : Optional.of(new UserError(field, RejectionCode.INVALID_VALUE,
                "must be a dispatch id, market:ZONE:YYYY-MM-DD (e.g. market:DE-LU:2026-06-17) or manual: and 1-91"
                        + " letters, digits, ':', '.', '_' or '-', got " + value));
    }

    /** For query arguments: a malformed dispatch id is a bad request. */
    static DispatchId requiredDispatch(String field, String value) {
        dispatchProblem(field, value).ifPresent(e -> {
            throw new BadArgumentException(field, e.message());
        });
        return DispatchId.of(value);
    }
}
