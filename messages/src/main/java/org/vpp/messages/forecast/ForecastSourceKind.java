package org.vpp.messages.forecast;

import java.util.Locale;

/** What a forecast source measures; PV, WIND and LOAD are fleet devices, PRICE is a market zone. */
public enum ForecastSourceKind {
    PV, WIND, LOAD, PRICE;

    /** The prefix of this kind's source ids, e.g. {@code pv} in {@code pv:roof-7}. */
    public String prefix() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the kinds whose history is a device's telemetry. */
    public boolean isDevice() {
        return this != PRICE;
    }
}
