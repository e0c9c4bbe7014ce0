package org.vpp.forecast.value;

/** What a series measures; physical generation cannot be negative. */
public enum SourceKind {
    PV(true),
    WIND(true),
    LOAD(false),
    PRICE(false);

    private final boolean nonNegative;

    SourceKind(boolean nonNegative) {
        this.nonNegative = nonNegative;
    }

    public boolean nonNegative() {
        return nonNegative;
    }
}
