package org.vpp.api.simulation;

import java.util.List;
import org.vpp.kernel.GeoLocation;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.RegisterAsset;
import org.vpp.simulator.demo.AssetSpec;

/** The simulator's demo fleet as registry commands. */
public final class DemoFleetCommands {

    private DemoFleetCommands() {
    }

    public static List<RegisterAsset> of(List<AssetSpec> specs) {
        return specs.stream().map(DemoFleetCommands::of).toList();
    }

    static RegisterAsset of(AssetSpec spec) {
        // A group without limits registers without limits, as one registered through GraphQL does.
        TechnicalLimits limits = TechnicalLimits.NONE.equals(spec.limits()) ? null : spec.limits();
        return new RegisterAsset(AssetId.of(spec.id()), spec.kind(), spec.name(),
                spec.parentId().map(AssetId::of).orElse(null),
                new GeoLocation(spec.latitudeDeg(), spec.longitudeDeg()), limits, null);
    }
}
