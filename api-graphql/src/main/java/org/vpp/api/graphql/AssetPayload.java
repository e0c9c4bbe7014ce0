package org.vpp.api.graphql;

import java.util.List;

import org.vpp.messages.fleet.AssetView;

/**
 * A mutation's answer. {@code status} says what the asset shown stands for: APPLIED, it includes the change;
 * PENDING, the change is recorded (at {@code version}) but the read model had not shown it when the wait ran out,
 * so the asset shown may be older; REFUSED, nothing changed and {@code errors} say why.
 */
public record AssetPayload(Status status, Long version, AssetView asset, List<UserError> errors) {

    public enum Status { APPLIED, PENDING, REFUSED }

    static AssetPayload after(ReadYourWrites.Seen seen) {
        return new AssetPayload(seen.caughtUp() ? Status.APPLIED : Status.PENDING, seen.version(), seen.asset(), List.of());
    }

    static AssetPayload refused(AssetView unchanged, UserError error) {
        return new AssetPayload(Status.REFUSED, unchanged == null ? null : unchanged.version(), unchanged, List.of(error));
    }
}
