package org.vpp.simulator.demo;

import java.util.Optional;
import org.vpp.kernel.AssetKind;

/** The physical coherence rules an asset's limits must satisfy, as one pure function. */
public final class AssetCoherence {

    private AssetCoherence() {
    }

    /** The first rule broken, or empty when the limits are coherent for the kind. */
    public static Optional<String> check(String id, AssetKind kind, AssetLimits l) {
        if (!(l.minPowerMw() <= l.maxPowerMw())) {
            return Optional.of("min power above max power");
        }
        if (!(0 <= l.minSoc() && l.minSoc() <= l.maxSoc() && l.maxSoc() <= 1)) {
            return Optional.of("SoC bounds must satisfy 0 <= min <= max <= 1");
        }
        if (!(l.minSoc() <= l.reserveSoc() && l.reserveSoc() <= l.maxSoc())) {
            return Optional.of("reserve SoC must lie within the SoC bounds");
        }
        if (!(l.chargeEfficiency() > 0 && l.chargeEfficiency() <= 1
                && l.dischargeEfficiency() > 0 && l.dischargeEfficiency() <= 1)) {
            return Optional.of("efficiencies must be in (0, 1]");
        }
        if (l.rampRateMwPerMin() < 0 || l.energyCapacityMwh() < 0 || l.gridConnectionLimitMw() < 0) {
            return Optional.of("ramp rate, capacity and grid-connection limit cannot be negative");
        }
        return switch (kind) {
            case BATTERY -> l.energyCapacityMwh() > 0 && l.minPowerMw() <= 0 && l.maxPowerMw() >= 0
                    ? Optional.empty() : Optional.of("a battery needs capacity > 0 and min <= 0 <= max power");
            case PV, WIND, GENERATOR -> l.minPowerMw() >= 0 && l.maxPowerMw() > 0
                    ? Optional.empty() : Optional.of("a generating device needs 0 <= min power and max power > 0");
            case LOAD, EV_CHARGER -> l.maxPowerMw() <= 0 && l.minPowerMw() < 0
                    ? Optional.empty() : Optional.of("a consuming device needs min power < 0 and max power <= 0");
            case SITE -> l.gridConnectionLimitMw() > 0
                    ? Optional.empty() : Optional.of("a site needs a positive grid-connection limit");
            case PORTFOLIO, REGION -> Optional.empty();
        };
    }
}
