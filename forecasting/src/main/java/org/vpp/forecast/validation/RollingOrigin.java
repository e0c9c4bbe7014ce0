package org.vpp.forecast.validation;

import java.util.ArrayList;
import java.util.List;

/** Where the folds' origins fall: the last test window ends with the series, earlier ones back to back. */
public final class RollingOrigin {

    private RollingOrigin() {
    }

    public static List<Fold> folds(int seriesSize, int horizon, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one fold, was " + count);
        }
        int firstOrigin = seriesSize - count * horizon;
        if (firstOrigin < 1) {
            throw new IllegalArgumentException(count + " folds of " + horizon + " steps need more than "
                    + count * horizon + " values, got " + seriesSize);
        }
        List<Fold> folds = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            folds.add(new Fold(firstOrigin + i * horizon, horizon));
        }
        return List.copyOf(folds);
    }
}
