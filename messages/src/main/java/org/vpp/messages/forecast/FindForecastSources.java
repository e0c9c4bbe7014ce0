package org.vpp.messages.forecast;

/**
 * Sources that have been trained at least once, ordered by id, a page at a time (keyset: after the source
 * {@code after}), of one kind when {@code kind} is given; answered with a {@link ForecastSourcePage}.
 *
 * @param first at most this many sources (1..{@link #MAX_PAGE})
 */
public record FindForecastSources(ForecastSourceKind kind, int first, ForecastSourceId after) {

    public static final int MAX_PAGE = 1000;

    public FindForecastSources {
        if (first < 1 || first > MAX_PAGE) throw new IllegalArgumentException("first must be in 1.." + MAX_PAGE + ": " + first);
    }

    /** The first page of every kind: what subscribers to all sources' forecasts register with. */
    public static FindForecastSources all() {
        return new FindForecastSources(null, MAX_PAGE, null);
    }
}
