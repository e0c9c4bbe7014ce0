package org.vpp.api.graphql;

import java.util.List;

import org.vpp.messages.fleet.AssetView;

public record AssetPayload(AssetView asset, List<UserError> errors) {

    static AssetPayload ok(AssetView asset) {
        return new AssetPayload(asset, List.of());
    }

    static AssetPayload refused(AssetView unchanged, UserError error) {
        return new AssetPayload(unchanged, List.of(error));
    }
}
