package org.vpp.optimizer;

import org.vpp.kernel.BatteryEnergy;
import org.vpp.optimizer.model.Battery;

/**
 * A battery as the solver sees it: its state of charge takes one of a sorted set of levels (MWh) inside the
 * usable band {@code [max(socMin, reserve), socMax]}, so bounds and reserve are the value range. The set is
 * the union of a fine uniform grid ({@code levelsPerFullPowerSlot} steps per slot of full-power charging) and
 * the points an LP optimum lands on: the band's ends and the initial state of charge, each shifted by whole
 * slots of full-power charging or discharging. Without those, a uniform grid loses up to a step at each end
 * of the band and at each full-power slot (measured: 5-9% of the value). Power and ramp limits are rules
 * between neighbouring slots.
 */
final class BatteryFact {

    private static final double SAME_LEVEL_MWH = 1e-9;

    final String id;
    final Battery battery;
    final PriceCurve prices;
    final double[] levels;
    final int levelCount;
    final int initialLevel;
    final double maxChargeGridMwh;
    final double maxDischargeGridMwh;
    final double rampMwPerSlot;

    BatteryFact(Battery battery, PriceCurve prices, int slotMinutes, int levelsPerFullPowerSlot, int maxLevels) {
        this.id = battery.id();
        this.battery = battery;
        this.prices = prices;
        double h = prices.slotHours();
        this.maxChargeGridMwh = battery.maxChargeMw() * h;
        this.maxDischargeGridMwh = battery.maxDischargeMw() * h;
        this.rampMwPerSlot = battery.rampMwPerMin() * slotMinutes;
        double floor = battery.usableFloorMwh();
        double ceiling = battery.socMaxMwh();
        double initial = battery.initialSocMwh();
        double chargeCell = maxChargeGridMwh * battery.chargeEfficiency();
        double dischargeCell = maxDischargeGridMwh / battery.dischargeEfficiency();
        double fullPowerCell = Math.min(chargeCell, dischargeCell);
        if (fullPowerCell <= 0) {
            fullPowerCell = Math.max(chargeCell, dischargeCell);
        }
        double range = ceiling - floor;
        double step = fullPowerCell > 0 ? fullPowerCell / levelsPerFullPowerSlot : Math.max(range, 1e-3);
        if (range / step > maxLevels - 1) {
            step = range / (maxLevels - 1);
        }

        java.util.TreeSet<Double> set = new java.util.TreeSet<>();
        boolean initialInBand = initial >= floor - SAME_LEVEL_MWH && initial <= ceiling + SAME_LEVEL_MWH;
        double[] anchors = initialInBand ? new double[] {floor, ceiling, initial} : new double[] {floor, ceiling};
        for (double anchor : anchors) {
            addShifted(set, anchor, step, floor, ceiling);
            addShifted(set, anchor, chargeCell, floor, ceiling);
            addShifted(set, anchor, dischargeCell, floor, ceiling);
        }
        double[] sorted = set.stream().mapToDouble(Double::doubleValue).toArray();
        double[] distinct = new double[sorted.length];
        int count = 0;
        for (double v : sorted) {
            if (count == 0 || v - distinct[count - 1] > SAME_LEVEL_MWH) {
                distinct[count++] = v;
            }
        }
        this.levels = java.util.Arrays.copyOf(distinct, Math.max(count, 1));
        this.levelCount = levels.length;
        if (initialInBand) {
            int nearest = nearestLevel(initial);
            levels[nearest] = Math.clamp(initial, floor, ceiling);
            this.initialLevel = nearest;
        } else {
            this.initialLevel = initial < floor ? -1 : levelCount;
        }
    }

    /** Adds {@code anchor + k * shift} for every integer k that stays inside {@code [floor, ceiling]}. */
    private static void addShifted(java.util.Set<Double> set, double anchor, double shift, double floor, double ceiling) {
        set.add(Math.clamp(anchor, floor, ceiling));
        if (shift <= SAME_LEVEL_MWH) {
            return;
        }
        for (double v = anchor + shift; v <= ceiling + SAME_LEVEL_MWH; v += shift) {
            set.add(Math.min(v, ceiling));
        }
        for (double v = anchor - shift; v >= floor - SAME_LEVEL_MWH; v -= shift) {
            set.add(Math.max(v, floor));
        }
    }

    /**
     * The state of charge of a level. The only index outside {@code [0, levelCount)} is the initial level of a
     * battery that starts outside its usable band ({@code -1} below, {@code levelCount} above).
     */
    double socMwh(int level) {
        if (level == initialLevel) {
            return battery.initialSocMwh();
        }
        if (level < 0 || level >= levelCount) {
            throw new IllegalArgumentException("level " + level + " of " + id + " is outside its " + levelCount + " levels");
        }
        return levels[level];
    }

    /** Net grid energy (MWh, positive = export) of moving from one level to the next. */
    double gridMwh(int from, int to) {
        return BatteryEnergy.gridEnergyMwh(socMwh(to) - socMwh(from), battery.chargeEfficiency(),
                battery.dischargeEfficiency());
    }

    double powerMw(int from, int to) {
        return gridMwh(from, to) / prices.slotHours();
    }

    /** The nearest level in range to a state of charge. */
    int nearestLevel(double socMwh) {
        int index = java.util.Arrays.binarySearch(levels, 0, levelCount, socMwh);
        if (index >= 0) {
            return index;
        }
        int above = -index - 1;
        if (above == 0) {
            return 0;
        }
        if (above == levelCount) {
            return levelCount - 1;
        }
        return socMwh - levels[above - 1] <= levels[above] - socMwh ? above - 1 : above;
    }

    /** Highest level reachable from {@code from} in one slot without breaking the charge limit. */
    int highestReachable(int from) {
        double limit = socMwh(from) + maxChargeGridMwh * battery.chargeEfficiency() + SAME_LEVEL_MWH;
        int level = Math.max(from, 0);
        while (level + 1 < levelCount && levels[level + 1] <= limit) {
            level++;
        }
        return level;
    }

    /** Lowest level reachable from {@code from} in one slot without breaking the discharge limit. */
    int lowestReachable(int from) {
        double limit = socMwh(from) - maxDischargeGridMwh / battery.dischargeEfficiency() - SAME_LEVEL_MWH;
        int level = Math.min(from, levelCount - 1);
        while (level - 1 >= 0 && levels[level - 1] >= limit) {
            level--;
        }
        return level;
    }

    @Override
    public String toString() {
        return id;
    }
}
