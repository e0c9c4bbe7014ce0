package org.vpp.messages.forecast;

/**
 * The newest model selections of a source (at most {@code last}, 1..{@link #MAX_LAST}), newest first: a list of
 * {@link ModelSelectionView}.
 */
public record FindForecastModels(ForecastSourceId sourceId, int last) {

    public static final int MAX_LAST = 1000;

    public FindForecastModels {
        if (last < 1 || last > MAX_LAST) throw new IllegalArgumentException("last must be in 1.." + MAX_LAST + ": " + last);
    }
}
