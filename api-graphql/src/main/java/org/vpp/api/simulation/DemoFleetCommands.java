package org.vpp.api.simulation;

import java.util.List;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.GeoLocation;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.RegisterAsset;
import org.vpp.messages.asset.TechnicalLimits;
import org.vpp.simulator.demo.AssetLimits;
import org.vpp.simulator.demo.AssetSpec;

/**
 * The simulator's demo fleet as registry commands. The simulator fills limits that do not apply with neutral
 * values; the registry wants them absent, so they become nulls here.
 */
public final class DemoFleetCommands {

    private DemoFleetCommands() {
    }

    public static List<RegisterAsset> of(List<AssetSpec> specs) {
        return specs.stream().map(DemoFleetCommands::of).toList();
    }

    static RegisterAsset of(AssetSpec spec) {
        AssetKind kind = spec.kind();
        return new RegisterAsset(AssetId.of(spec.id()), kind, spec.name(), spec.parentId().map(AssetId::of).orElse(null),
                new GeoLocation(spec.latitudeDeg(), spec.longitudeDeg()), limits(kind, spec.limits()), null);
    }

    static TechnicalLimits limits(AssetKind kind, AssetLimits l) {
        if (kind.isGroup()) {
            return l.gridConnectionLimitMw() > 0 ? TechnicalLimits.groupWithGridLimit(l.gridConnectionLimitMw()) : null;
        }
        Double ramp = l.rampRateMwPerMin() > 0 ? l.rampRateMwPerMin() : null;
        if (kind.isStorage()) {
            return TechnicalLimits.storage(l.minPowerMw(), l.maxPowerMw(), l.energyCapacityMwh(), l.chargeEfficiency(),
                    l.dischargeEfficiency(), ramp, l.minSoc(), l.maxSoc(), l.reserveSoc());
        }
        return TechnicalLimits.power(l.minPowerMw(), l.maxPowerMw(), ramp);
    }
}
