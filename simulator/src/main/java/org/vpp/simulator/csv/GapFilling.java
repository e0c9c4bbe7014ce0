package org.vpp.simulator.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs of missing values (NaN) on a regular grid, and their filling: linear between the values on either side, the
 * nearest value held where the run touches an end. Pure; the importer decides which runs are short enough.
 */
final class GapFilling {

    private GapFilling() {
    }

    /**
     * Missing slots {@code [from, to)}; {@code from == 0} or {@code to == size} when the run touches an end, so its
     * neighbours are {@code from - 1} and {@code to} where they exist.
     */
    record Gap(int from, int to) {
        int length() {
            return to - from;
        }

        boolean atStart() {
            return from == 0;
        }

        boolean atEnd(int size) {
            return to == size;
        }
    }

    /** The runs of NaN in {@code values}, skipping slots that {@code known} says hold a value, however bad. */
    static List<Gap> find(double[] values, boolean[] known) {
        List<Gap> gaps = new ArrayList<>();
        int i = 0;
        while (i < values.length) {
            if (isMissing(values, known, i)) {
                int from = i;
                while (i < values.length && isMissing(values, known, i)) {
                    i++;
                }
                gaps.add(new Gap(from, i));
            } else {
                i++;
            }
        }
        return gaps;
    }

    private static boolean isMissing(double[] values, boolean[] known, int i) {
        return Double.isNaN(values[i]) && !known[i];
    }

    /** A copy with each gap filled; a gap with no value on either side (an empty grid) stays NaN. */
    static double[] fill(double[] values, List<Gap> gaps) {
        double[] filled = values.clone();
        for (Gap gap : gaps) {
            boolean hasBefore = !gap.atStart();
            boolean hasAfter = !gap.atEnd(values.length);
            for (int i = gap.from(); i < gap.to(); i++) {
                if (hasBefore && hasAfter) {
                    double before = values[gap.from() - 1];
                    double after = values[gap.to()];
                    filled[i] = before + (after - before) * (i - gap.from() + 1) / (gap.length() + 1);
                } else if (hasBefore) {
                    filled[i] = values[gap.from() - 1];
                } else if (hasAfter) {
                    filled[i] = values[gap.to()];
                }
            }
        }
        return filled;
    }
}
