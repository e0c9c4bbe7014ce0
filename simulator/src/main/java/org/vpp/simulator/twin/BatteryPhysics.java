package org.vpp.simulator.twin;

import java.time.Duration;
import org.vpp.kernel.BatteryEnergy;

/**
 * A battery over one step of constant power. Limits apply in this order: power range, ramp from the previous power,
 * then state of charge, because the cells' bounds are physical and override everything else.
 */
public final class BatteryPhysics {

    private BatteryPhysics() {
    }

    public static BatteryStep step(BatteryState state, BatteryLimits limits, double setpointMw, Duration dt) {
        double hours = Clamp.hours(dt);
        double rampMw = limits.rampRateMwPerMin() * Clamp.minutes(dt);
        double socAfterLoss = afterSelfDischarge(state.soc(), limits, hours);
        double lossMwh = (state.soc() - socAfterLoss) * limits.capacityMwh();

        double maxDischargeMw = Math.max(0, (socAfterLoss - limits.minSoc()) * limits.capacityMwh()
                * limits.dischargeEfficiency() / hours);
        double maxChargeMw = Math.max(0, (limits.maxSoc() - socAfterLoss) * limits.capacityMwh()
                / (limits.chargeEfficiency() * hours));
        Clamp power = new Clamp(setpointMw)
                .within(limits.minPowerMw(), limits.maxPowerMw(), Limitation.POWER_LIMITED)
                .within(state.powerMw() - rampMw, state.powerMw() + rampMw, Limitation.RAMP_LIMITED)
                .within(-maxChargeMw, maxDischargeMw, Limitation.SOC_LIMITED);
        double deliveredMw = power.valueMw();

        double nextSoc = socAfterLoss + BatteryEnergy.storedChangeMwh(deliveredMw * hours, limits.chargeEfficiency(),
                limits.dischargeEfficiency()) / limits.capacityMwh();
        // Only rounding can push past a bound here (the SoC clamp above kept the energy inside); a battery that
        // started outside its bounds is allowed back in, not teleported.
        nextSoc = Math.max(Math.min(limits.minSoc(), socAfterLoss),
                Math.min(Math.max(limits.maxSoc(), socAfterLoss), nextSoc));
        return new BatteryStep(new BatteryState(deliveredMw, nextSoc), power.outcome(setpointMw), lossMwh);
    }

    /** A battery in outage: no power, only self-discharge. */
    public static BatteryStep idle(BatteryState state, BatteryLimits limits, double requestedMw, Duration dt) {
        double hours = Clamp.hours(dt);
        double socAfterLoss = afterSelfDischarge(state.soc(), limits, hours);
        double lossMwh = (state.soc() - socAfterLoss) * limits.capacityMwh();
        Limitation reason = requestedMw == 0 ? Limitation.NONE : Limitation.OUTAGE;
        return new BatteryStep(new BatteryState(0, socAfterLoss), new StepOutcome(requestedMw, 0, reason), lossMwh);
    }

    /**
     * Exponential self-discharge that stops at the lower SoC bound: the modelled battery management system
     * disconnects its auxiliaries there, so a resting battery never leaves its bounds.
     */
    static double afterSelfDischarge(double soc, BatteryLimits limits, double hours) {
        if (soc <= limits.minSoc()) {
            return soc;
        }
        double decayed = soc * Math.pow(1 - limits.selfDischargePerHour(), hours);
        return Math.max(limits.minSoc(), decayed);
    }
}
