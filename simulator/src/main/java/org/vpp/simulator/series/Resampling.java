package org.vpp.simulator.series;

import java.time.Duration;

import org.vpp.kernel.TimeSeries;

/**
 * A series moved to another step, the one place where the project changes resolution. What a slot's value means
 * decides how: a rate or a level (MW, EUR/MWh) holds over every part of its slot and averages over several; an
 * amount per slot (MWh) is spread evenly over the parts and adds up over several. Only whole ratios are accepted,
 * because anything else would have to invent where inside a slot the value changed.
 */
public final class Resampling {

    private Resampling() {
    }

    /**
     * @param unit   the unit of the values, for whether they are extensive ({@link Unit#isExtensive()})
     * @param target the new step; coarse slots are grouped from the series' start
     * @throws IllegalArgumentException when the steps are not whole multiples of each other, or a coarse slot would
     *                                  be left incomplete at the end
     */
    public static TimeSeries resample(TimeSeries series, Unit unit, Duration target) {
        Duration step = series.step();
        if (target.equals(step)) {
            return series;
        }
        long from = step.toNanos();
        long to = target.toNanos();
        if (to < from && from % to == 0) {
            return finer(series, Math.toIntExact(from / to), target, unit.isExtensive());
        }
        if (to > from && to % from == 0) {
            return coarser(series, Math.toIntExact(to / from), target, unit.isExtensive());
        }
        throw new IllegalArgumentException("cannot resample from " + step + " to " + target
                + ": one must be a whole multiple of the other");
    }

    /** How {@link #resample} treats values of this unit going from one step to another, for reports. */
    public static String describe(Unit unit, Duration from, Duration to) {
        boolean finer = to.compareTo(from) < 0;
        String how = unit.isExtensive() ? (finer ? "spread evenly over" : "summed into")
                : (finer ? "held over" : "averaged into");
        return "resampled from " + from + " to " + to + ": " + unit.quantity() + " " + how + " slots of " + to;
    }

    private static TimeSeries finer(TimeSeries series, int parts, Duration target, boolean extensive) {
        double[] values = new double[series.size() * parts];
        for (int i = 0; i < values.length; i++) {
            double value = series.valueAt(i / parts);
            values[i] = extensive ? value / parts : value;
        }
        return new TimeSeries(series.start(), target, values);
    }

    private static TimeSeries coarser(TimeSeries series, int parts, Duration target, boolean extensive) {
        if (series.size() % parts != 0) {
            throw new IllegalArgumentException("cannot resample " + series.size() + " values of " + series.step()
                    + " to " + target + ": the last " + series.size() % parts + " do not make a whole slot");
        }
        double[] values = new double[series.size() / parts];
        for (int i = 0; i < values.length; i++) {
            double sum = 0;
            for (int part = 0; part < parts; part++) {
                sum += series.valueAt(i * parts + part);
            }
            values[i] = extensive ? sum : sum / parts;
        }
        return new TimeSeries(series.start(), target, values);
    }
}
