package org.vpp.simulator.demo;

import java.util.Optional;
import java.util.stream.Stream;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.TechnicalLimits;

/**
 * The physical coherence rules an asset's limits must satisfy, as one pure function. What does not apply to a kind
 * is absent (null), as the registry expects; what applies is present, so a spec's limits can be read without defaults.
 */
public final class AssetCoherence {

    private AssetCoherence() {
    }

    /** The first rule broken, or empty when the limits are coherent for the kind. */
    public static Optional<String> check(String id, AssetKind kind, TechnicalLimits l) {
        return kind.isGroup() ? group(kind, l) : device(kind, l);
    }

    private static Optional<String> group(AssetKind kind, TechnicalLimits l) {
        if (!l.equals(TechnicalLimits.groupWithGridLimit(l.gridConnectionLimitMw()))) {
            return Optional.of("a group has no limits of its own but a grid-connection limit");
        }
        if (l.gridConnectionLimitMw() == null) {
            return kind == AssetKind.SITE ? Optional.of("a site needs a positive grid-connection limit") : Optional.empty();
        }
        return l.gridConnectionLimitMw() > 0 ? Optional.empty() : Optional.of("a grid-connection limit must be positive");
    }

    private static Optional<String> device(AssetKind kind, TechnicalLimits l) {
        if (l.minPowerMw() == null || l.maxPowerMw() == null) {
            return Optional.of("a device needs min and max power");
        }
        if (!(l.minPowerMw() <= l.maxPowerMw())) {
            return Optional.of("min power above max power");
        }
        if (l.rampRateMwPerMin() != null && !(l.rampRateMwPerMin() > 0)) {
            return Optional.of("a ramp rate, when given, must be positive");
        }
        if (!kind.isStorage()) {
            return l.equals(TechnicalLimits.power(l.minPowerMw(), l.maxPowerMw(), l.rampRateMwPerMin()))
                    ? direction(kind, l) : Optional.of("only power and ramp rate apply to a " + kind);
        }
        if (l.gridConnectionLimitMw() != null || Stream.of(l.energyCapacityMwh(), l.chargeEfficiency(),
                l.dischargeEfficiency(), l.minSoc(), l.maxSoc(), l.reserveSoc()).anyMatch(v -> v == null)) {
            return Optional.of("storage needs capacity, efficiencies and SoC bounds, and no grid-connection limit");
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
        return direction(kind, l);
    }

    private static Optional<String> direction(AssetKind kind, TechnicalLimits l) {
        return switch (kind) {
            case BATTERY -> l.energyCapacityMwh() > 0 && l.minPowerMw() <= 0 && l.maxPowerMw() >= 0
                    ? Optional.empty() : Optional.of("a battery needs capacity > 0 and min <= 0 <= max power");
            case PV, WIND, GENERATOR -> l.minPowerMw() >= 0 && l.maxPowerMw() > 0
                    ? Optional.empty() : Optional.of("a generating device needs 0 <= min power and max power > 0");
            case LOAD, EV_CHARGER -> l.maxPowerMw() <= 0 && l.minPowerMw() < 0
                    ? Optional.empty() : Optional.of("a consuming device needs min power < 0 and max power <= 0");
            case PORTFOLIO, REGION, SITE -> throw new IllegalArgumentException(kind + " is a group");
        };
    }
}
