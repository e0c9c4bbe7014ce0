package org.vpp.forecast.value;

/** What a series measures; physical generation cannot be negative, and only what people do follows the week. */
public enum SourceKind {
    PV(true, false),
    WIND(true, false),
    LOAD(false, true),
    PRICE(false, true);

    private final boolean nonNegative;
    private final boolean followsTheWeek;

    SourceKind(boolean nonNegative, boolean followsTheWeek) {
        this.nonNegative = nonNegative;
        this.followsTheWeek = followsTheWeek;
    }

    /** Whether a weekly pattern can exist: lags of a week are worth trying. */
    public boolean followsTheWeek() {
        return followsTheWeek;
    }

    public boolean nonNegative() {
        return nonNegative;
    }
}
