package org.vpp.sagas.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.vpp.kernel.AssetKind;
import org.vpp.kernel.BatteryEnergy;
import org.vpp.kernel.Megawatts;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.dispatch.Shortfall;
import org.vpp.messages.dispatch.ShortfallCause;

/**
 * Which devices will miss their setpoint in a slot about to be dispatched, by how much and why. Pure.
 *
 * <p>Each device with a setpoint S (absolute MW) is judged once, in asset-id order, by the first rule that fires:
 * <ol>
 *   <li><b>OFFLINE</b>: no condition is known, its status is not online, or its newest reading says unavailable:
 *       it misses all of S;</li>
 *   <li><b>NO_TELEMETRY</b>: it never reported, or its newest reading is older than {@code now - staleAfter}: it is
 *       taken as delivering nothing and misses all of S;</li>
 *   <li><b>STATE_OF_CHARGE</b> (batteries with a known state of charge): the feasible mean power over the slot F is
 *       S bounded by the power limits and by the usable energy, {@code (soc - usableFloor) x capacity} times the
 *       discharge efficiency per hour to discharge, {@code (maxSoc - soc) x capacity} over the charge efficiency per
 *       hour to charge ({@link BatteryEnergy}); it misses {@code S - F}. An unknown state of charge is not judged:
 *       nothing is known to fall short;</li>
 *   <li><b>UNDER_PERFORMING</b>, PV and wind: its last power P is taken to persist; it misses {@code S - P} when P is
 *       below S by more than the tolerance;</li>
 *   <li><b>UNDER_PERFORMING</b>, generators: from its last power P it reaches at most {@code P + ramp x slot minutes}
 *       during the slot; it misses S less that when S is above it. A generator asked to come down more slowly than
 *       it can delivers more, not less, and is no shortfall.</li>
 * </ol>
 * The missing power has the setpoint's sign (a battery charging at -2 MW that goes offline misses -2 MW).
 * Shortfalls of at most the tolerance are not reported: a device within it is on target.
 */
public final class ShortfallRules {

    private ShortfallRules() {
    }

    public static List<Shortfall> foresee(DispatchPlan plan, int slot, Map<String, Double> setpointsMw,
                                          Map<String, DeviceCondition> conditions, Instant now,
                                          DispatchSettings settings) {
        Instant staleBefore = now.minus(settings.staleAfter());
        List<Shortfall> shortfalls = new ArrayList<>();
        new TreeMap<>(setpointsMw).forEach((id, setpoint) -> {
            DispatchDevice device = plan.device(id)
                    .orElseThrow(() -> new IllegalArgumentException("a setpoint for " + id + ", which is not in the plan"));
            DeviceCondition condition = conditions.get(id);
            ShortfallCause cause;
            double missing;
            if (condition == null || !condition.online() || !condition.available()) {
                cause = ShortfallCause.OFFLINE;
                missing = setpoint;
            } else if (condition.readingAt() == null || condition.readingAt().isBefore(staleBefore)) {
                cause = ShortfallCause.NO_TELEMETRY;
                missing = setpoint;
            } else {
                cause = device.kind() == AssetKind.BATTERY ? ShortfallCause.STATE_OF_CHARGE
                        : ShortfallCause.UNDER_PERFORMING;
                missing = missingByKind(device, setpoint, condition, plan.slotLength());
            }
            if (Math.abs(missing) > settings.toleranceMw()) {
                shortfalls.add(new Shortfall(id, Megawatts.of(missing), cause));
            }
        });
        return List.copyOf(shortfalls);
    }

    /** What a reporting device will miss by its kind's rule; 0 when the rule does not apply or does not fire. */
    private static double missingByKind(DispatchDevice device, double setpoint, DeviceCondition condition,
                                        Duration slotLength) {
        Double lastPower = condition.powerMw();
        return switch (device.kind()) {
            case BATTERY -> condition.soc() == null ? 0
                    : setpoint - feasibleBatteryPower(device.limits(), setpoint, condition.soc(), slotLength);
            case PV, WIND -> lastPower != null && lastPower < setpoint ? setpoint - lastPower : 0;
            case GENERATOR -> {
                if (lastPower == null) yield 0;
                double reach = lastPower + device.limits().rampRateOr(Double.POSITIVE_INFINITY)
                        * slotLength.toSeconds() / 60.0;
                yield setpoint > reach ? setpoint - reach : 0;
            }
            default -> 0;
        };
    }

    /** The setpoint bounded by the battery's power limits and by the mean power its usable energy holds for the slot. */
    private static double feasibleBatteryPower(TechnicalLimits l, double setpoint, double soc, Duration slotLength) {
        double hours = slotLength.toNanos() / 3_600_000_000_000.0;
        double capacity = l.energyCapacityOr(0);
        double ce = l.chargeEfficiencyOr(1);
        double de = l.dischargeEfficiencyOr(1);
        if (setpoint > 0) {
            double dischargeable = Math.max(0, (soc - l.usableSocFloor()) * capacity);
            double byEnergy = BatteryEnergy.gridEnergyMwh(-dischargeable, ce, de) / hours;
            return Math.min(setpoint, Math.min(l.maxPowerOr(0), byEnergy));
        }
        double chargeable = Math.max(0, (l.maxSocOr(1) - soc) * capacity);
        double byEnergy = BatteryEnergy.gridEnergyMwh(chargeable, ce, de) / hours;
        return Math.max(setpoint, Math.max(l.minPowerOr(0), byEnergy));
    }
}
