package org.vpp.simulator.load;

/**
 * Typical daily demand shapes as fractions of peak, one value per local hour, for working days and for weekends
 * and holidays. Values between hours are interpolated so 15-minute series have no steps.
 */
public enum LoadShape {
    /** Households: morning bump, evening peak, low at night; weekends later mornings. */
    RESIDENTIAL(
            new double[] {0.35, 0.30, 0.28, 0.27, 0.28, 0.33, 0.48, 0.62, 0.60, 0.52, 0.48, 0.47,
                    0.50, 0.47, 0.45, 0.46, 0.52, 0.68, 0.88, 1.00, 0.95, 0.82, 0.64, 0.46},
            new double[] {0.38, 0.33, 0.30, 0.28, 0.28, 0.29, 0.33, 0.42, 0.55, 0.64, 0.66, 0.68,
                    0.70, 0.64, 0.58, 0.56, 0.60, 0.72, 0.88, 0.97, 0.93, 0.82, 0.66, 0.49}),
    /** Offices and shops: a plateau in opening hours, near base load at weekends. */
    COMMERCIAL(
            new double[] {0.30, 0.29, 0.29, 0.29, 0.30, 0.35, 0.50, 0.75, 0.92, 0.98, 1.00, 1.00,
                    0.97, 0.99, 1.00, 0.98, 0.93, 0.82, 0.62, 0.48, 0.40, 0.35, 0.32, 0.31},
            new double[] {0.30, 0.29, 0.29, 0.29, 0.29, 0.30, 0.32, 0.36, 0.42, 0.48, 0.52, 0.53,
                    0.52, 0.50, 0.48, 0.46, 0.44, 0.42, 0.40, 0.37, 0.34, 0.32, 0.31, 0.30}),
    /** A national grid: the sum of everything, flatter, a lower weekend. */
    SYSTEM(
            new double[] {0.68, 0.65, 0.63, 0.62, 0.63, 0.67, 0.76, 0.87, 0.94, 0.97, 0.98, 0.99,
                    0.98, 0.97, 0.96, 0.95, 0.95, 0.97, 1.00, 0.99, 0.94, 0.87, 0.79, 0.72},
            new double[] {0.66, 0.62, 0.60, 0.58, 0.58, 0.59, 0.62, 0.67, 0.73, 0.78, 0.81, 0.82,
                    0.81, 0.78, 0.76, 0.75, 0.76, 0.80, 0.85, 0.86, 0.83, 0.78, 0.73, 0.69});

    private final double[] workingDay;
    private final double[] restDay;

    LoadShape(double[] workingDay, double[] restDay) {
        this.workingDay = workingDay;
        this.restDay = restDay;
    }

    /** Fraction of peak at a fractional local hour in [0, 24). */
    public double fractionOfPeak(double localHour, boolean restDay) {
        double[] table = restDay ? this.restDay : this.workingDay;
        double h = ((localHour % 24) + 24) % 24;
        int lower = (int) Math.floor(h);
        double weight = h - lower;
        return table[lower] * (1 - weight) + table[(lower + 1) % 24] * weight;
    }
}
