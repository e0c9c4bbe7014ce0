package org.vpp.api.graphql;

import java.util.List;

import org.vpp.messages.fleet.AssetView;

/** A mutation's answer about an asset; {@code status} says what the asset shown stands for ({@link MutationStatus}). */
public record AssetPayload(MutationStatus status, Long version, AssetView asset, List<UserError> errors) {

    static AssetPayload after(ReadYourWrites.Seen<AssetView> seen) {
        return new AssetPayload(seen.caughtUp() ? MutationStatus.APPLIED : MutationStatus.PENDING, seen.version(),
                seen.view(), List.of());
    }

    static AssetPayload refused(AssetView unchanged, UserError error) {
        return new AssetPayload(MutationStatus.REFUSED, unchanged == null ? null : unchanged.version(), unchanged, List.of(error));
    }
}
