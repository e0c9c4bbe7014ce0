package org.vpp.api.graphql;

import java.util.List;

import org.vpp.messages.bid.BidView;

/** A mutation's answer about a bidding cycle; {@code status} says what the bid shown stands for ({@link MutationStatus}). */
public record BidPayload(MutationStatus status, Long version, BidView bid, List<UserError> errors) {

    static BidPayload after(ReadYourWrites.Seen<BidView> seen) {
        return new BidPayload(seen.caughtUp() ? MutationStatus.APPLIED : MutationStatus.PENDING, seen.version(),
                seen.view(), List.of());
    }

    static BidPayload refused(BidView unchanged, UserError error) {
        return new BidPayload(MutationStatus.REFUSED, unchanged == null ? null : unchanged.version(), unchanged, List.of(error));
    }
}
