package org.vpp.command.asset;

import static org.vpp.command.common.Checks.firstOf;
import static org.vpp.messages.common.RejectionCode.INVALID_VALUE;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.common.CommandRejection;

/**
 * Physical coherence of technical limits, per kind. Each rule is a small named check; the first that fails
 * names the field (under {@code limits.}) and the reason.
 */
public final class LimitsRules {

    private static final String P = "limits.";

    private LimitsRules() {
    }

    public static Optional<CommandRejection> check(AssetKind kind, TechnicalLimits limits) {
        if (limits == null) {
            return kind.isDevice() ? reject("limits", "limits are required for a " + kind) : Optional.empty();
        }
        return firstOf(
                finiteNumbers(limits),
                plausibleMagnitudes(limits),
                kind.isGroup() ? groupLimits(kind, limits) : deviceLimits(kind, limits));
    }


    private static Map<String, Double> fields(TechnicalLimits l) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("minPowerMw", l.minPowerMw());
        m.put("maxPowerMw", l.maxPowerMw());
        m.put("energyCapacityMwh", l.energyCapacityMwh());
        m.put("chargeEfficiency", l.chargeEfficiency());
        m.put("dischargeEfficiency", l.dischargeEfficiency());
        m.put("rampRateMwPerMin", l.rampRateMwPerMin());
        m.put("minSoc", l.minSoc());
        m.put("maxSoc", l.maxSoc());
        m.put("reserveSoc", l.reserveSoc());
        m.put("gridConnectionLimitMw", l.gridConnectionLimitMw());
        return m;
    }

    /** NaN and infinities are never physical. */
    static Optional<CommandRejection> finiteNumbers(TechnicalLimits l) {
        for (var field : fields(l).entrySet()) {
            Double v = field.getValue();
            if (v != null && !Double.isFinite(v)) {
                return reject(P + field.getKey(), "must be a finite number, got " + v);
            }
        }
        return Optional.empty();
    }

    /**
     * Magnitudes beyond any physical asset (see {@link TechnicalLimits#MAX_ABS_POWER_MW}) are typing errors or
     * attacks; left in, a value like 1e308 overflows the fleet's roll-ups to infinity. Signs are checked per kind later.
     */
    static Optional<CommandRejection> plausibleMagnitudes(TechnicalLimits l) {
        return firstOf(
                magnitude("minPowerMw", l.minPowerMw(), TechnicalLimits.MAX_ABS_POWER_MW, "MW (100 GW)"),
                magnitude("maxPowerMw", l.maxPowerMw(), TechnicalLimits.MAX_ABS_POWER_MW, "MW (100 GW)"),
                magnitude("energyCapacityMwh", l.energyCapacityMwh(), TechnicalLimits.MAX_ENERGY_MWH, "MWh (1 TWh)"),
                magnitude("rampRateMwPerMin", l.rampRateMwPerMin(), TechnicalLimits.MAX_RAMP_MW_PER_MIN, "MW/min"),
                magnitude("gridConnectionLimitMw", l.gridConnectionLimitMw(), TechnicalLimits.MAX_ABS_POWER_MW, "MW (100 GW)"));
    }

    private static Optional<CommandRejection> magnitude(String field, Double value, double max, String unit) {
        return value != null && Math.abs(value) > max
                ? reject(P + field, "must be within ±" + String.format(java.util.Locale.ROOT, "%.0f", max) + " " + unit + ", got " + value)
                : Optional.empty();
    }

    /** Groups have no power or storage of their own; only a grid-connection limit, which must be positive. */
    static Optional<CommandRejection> groupLimits(AssetKind kind, TechnicalLimits l) {
        for (var field : fields(l).entrySet()) {
            if (!field.getKey().equals("gridConnectionLimitMw") && field.getValue() != null) {
                return reject(P + field.getKey(), "does not apply to a " + kind + " (groups only have gridConnectionLimitMw)");
            }
        }
        if (l.gridConnectionLimitMw() != null && l.gridConnectionLimitMw() <= 0) {
            return reject(P + "gridConnectionLimitMw", "must be greater than 0, got " + l.gridConnectionLimitMw());
        }
        return Optional.empty();
    }

    static Optional<CommandRejection> deviceLimits(AssetKind kind, TechnicalLimits l) {
        if (l.gridConnectionLimitMw() != null) {
            return reject(P + "gridConnectionLimitMw", "applies to groups (sites), not to a " + kind);
        }
        if (l.minPowerMw() == null) return reject(P + "minPowerMw", "is required for a " + kind);
        if (l.maxPowerMw() == null) return reject(P + "maxPowerMw", "is required for a " + kind);
        if (l.minPowerMw() > l.maxPowerMw()) {
            return reject(P + "minPowerMw", "must not exceed maxPowerMw (" + l.minPowerMw() + " > " + l.maxPowerMw() + ")");
        }
        if (l.rampRateMwPerMin() != null && l.rampRateMwPerMin() <= 0) {
            return reject(P + "rampRateMwPerMin", "must be greater than 0 when given, got " + l.rampRateMwPerMin());
        }
        return firstOf(powerDirection(kind, l), kind.isStorage() ? storage(kind, l) : noStorage(kind, l));
    }

    /** Generators cannot consume, loads cannot generate, storage can do both. */
    static Optional<CommandRejection> powerDirection(AssetKind kind, TechnicalLimits l) {
        return switch (kind) {
            case PV, WIND, GENERATOR -> l.minPowerMw() < 0
                    ? reject(P + "minPowerMw", "a " + kind + " cannot consume: must be >= 0, got " + l.minPowerMw())
                    : l.maxPowerMw() <= 0
                    ? reject(P + "maxPowerMw", "a " + kind + " must be able to generate: must be > 0, got " + l.maxPowerMw())
                    : Optional.empty();
            case LOAD -> l.maxPowerMw() > 0
                    ? reject(P + "maxPowerMw", "a LOAD cannot generate: must be <= 0, got " + l.maxPowerMw())
                    : l.minPowerMw() >= 0
                    ? reject(P + "minPowerMw", "a LOAD must be able to consume: must be < 0, got " + l.minPowerMw())
                    : Optional.empty();
            case EV_CHARGER -> l.minPowerMw() >= 0
                    ? reject(P + "minPowerMw", "an EV_CHARGER must be able to charge: must be < 0, got " + l.minPowerMw())
                    : l.maxPowerMw() < 0
                    ? reject(P + "maxPowerMw", "must be >= 0 (0 without vehicle-to-grid), got " + l.maxPowerMw())
                    : Optional.empty();
            case BATTERY -> l.minPowerMw() > 0
                    ? reject(P + "minPowerMw", "storage must be able to charge: must be <= 0, got " + l.minPowerMw())
                    : l.maxPowerMw() < 0
                    ? reject(P + "maxPowerMw", "must be >= 0 for storage, got " + l.maxPowerMw())
                    : l.minPowerMw() == 0 && l.maxPowerMw() == 0
                    ? reject(P + "maxPowerMw", "storage with minPowerMw = maxPowerMw = 0 can do nothing")
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    static Optional<CommandRejection> storage(AssetKind kind, TechnicalLimits l) {
        if (l.energyCapacityMwh() == null) return reject(P + "energyCapacityMwh", "is required for a " + kind);
        if (l.energyCapacityMwh() <= 0) {
            return reject(P + "energyCapacityMwh", "must be greater than 0 for storage, got " + l.energyCapacityMwh());
        }
        Optional<CommandRejection> efficiencies = firstOf(
                efficiency("chargeEfficiency", l.chargeEfficiency(), kind),
                efficiency("dischargeEfficiency", l.dischargeEfficiency(), kind));
        if (efficiencies.isPresent()) return efficiencies;
        Optional<CommandRejection> fractions = firstOf(
                socFraction("minSoc", l.minSoc(), kind),
                socFraction("maxSoc", l.maxSoc(), kind),
                socFraction("reserveSoc", l.reserveSoc(), kind));
        if (fractions.isPresent()) return fractions;
        if (l.minSoc() >= l.maxSoc()) {
            return reject(P + "minSoc", "must be below maxSoc (" + l.minSoc() + " >= " + l.maxSoc() + ")");
        }
        if (l.reserveSoc() > l.maxSoc()) {
            return reject(P + "reserveSoc", "must not exceed maxSoc (" + l.reserveSoc() + " > " + l.maxSoc() + ")");
        }
        return Optional.empty();
    }

    private static Optional<CommandRejection> efficiency(String field, Double value, AssetKind kind) {
        if (value == null) return reject(P + field, "is required for a " + kind);
        if (value <= 0 || value > 1) return reject(P + field, "must be in (0, 1], got " + value);
        return Optional.empty();
    }

    private static Optional<CommandRejection> socFraction(String field, Double value, AssetKind kind) {
        if (value == null) return reject(P + field, "is required for a " + kind);
        if (value < 0 || value > 1) return reject(P + field, "must be in [0, 1], got " + value);
        return Optional.empty();
    }

    /** Storage fields on a device that stores nothing are a mistake, not a harmless extra. */
    static Optional<CommandRejection> noStorage(AssetKind kind, TechnicalLimits l) {
        for (var field : fields(l).entrySet()) {
            String name = field.getKey();
            boolean storageField = name.equals("energyCapacityMwh") || name.endsWith("Efficiency") || name.endsWith("Soc");
            if (storageField && field.getValue() != null) {
                return reject(P + name, "applies to storage (BATTERY), not to a " + kind);
            }
        }
        return Optional.empty();
    }

    private static Optional<CommandRejection> reject(String field, String message) {
        return Optional.of(CommandRejection.of(field, INVALID_VALUE, message));
    }
}
