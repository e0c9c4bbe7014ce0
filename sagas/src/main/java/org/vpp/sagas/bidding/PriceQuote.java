package org.vpp.sagas.bidding;

import java.time.Instant;
import java.util.Objects;

import org.vpp.kernel.EurPerMwh;

/**
 * The price forecast for one slot: its point ({@code expected}) and a low and a high quantile around it (e.g. P10
 * and P90). The distance from the point to a quantile is the forecast's uncertainty on that side.
 */
public record PriceQuote(Instant start, EurPerMwh low, EurPerMwh expected, EurPerMwh high) {

    public PriceQuote {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(high, "high");
        if (!Double.isFinite(low.value()) || !Double.isFinite(expected.value()) || !Double.isFinite(high.value())) {
            throw new IllegalArgumentException("a price quote must be finite: " + low + ", " + expected + ", " + high);
        }
        if (low.compareTo(expected) > 0 || expected.compareTo(high) > 0) {
            throw new IllegalArgumentException("quantiles must surround the point: low " + low + " <= expected "
                    + expected + " <= high " + high + " at " + start);
        }
    }

    /** A forecast without spread: the point is taken as certain. */
    public static PriceQuote certain(Instant start, EurPerMwh price) {
        return new PriceQuote(start, price, price, price);
    }
}
