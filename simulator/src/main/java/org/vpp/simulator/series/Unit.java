package org.vpp.simulator.series;

/**
 * Units a series can carry. Each unit converts to one canonical unit of its quantity (MW, EUR/MWh, ...), so an
 * imported series in kW or ct/kWh can replace a synthetic one in MW or EUR/MWh.
 */
public enum Unit {
    MW("MW", 1.0),
    KW("MW", 1e-3),
    W("MW", 1e-6),
    EUR_PER_MWH("EUR/MWh", 1.0),
    // 1 ct/kWh = 0.01 EUR per 0.001 MWh = 10 EUR/MWh
    CT_PER_KWH("EUR/MWh", 10.0),
    EUR_PER_KWH("EUR/MWh", 1000.0),
    W_PER_M2("W/m2", 1.0),
    CELSIUS("degC", 1.0),
    M_PER_S("m/s", 1.0),
    FRACTION("1", 1.0),
    MWH("MWh", 1.0),
    KWH("MWh", 1e-3);

    private final String quantity;
    private final double toCanonicalFactor;

    Unit(String quantity, double toCanonicalFactor) {
        this.quantity = quantity;
        this.toCanonicalFactor = toCanonicalFactor;
    }

    /** The unit all units of the same quantity convert to. */
    public Unit canonical() {
        return switch (quantity) {
            case "MW" -> MW;
            case "EUR/MWh" -> EUR_PER_MWH;
            case "MWh" -> MWH;
            default -> this;
        };
    }

    public double toCanonical(double value) {
        return value * toCanonicalFactor;
    }

    public boolean sameQuantityAs(Unit other) {
        return quantity.equals(other.quantity);
    }

    /** The canonical unit's symbol (MW, EUR/MWh, MWh, ...), for messages. */
    public String quantity() {
        return quantity;
    }

    /**
     * True for an amount per slot (energy in MWh), which splits and adds up when the slots do; false for a rate or
     * a level (power, price, temperature), which holds over any part of its slot and averages over several.
     */
    public boolean isExtensive() {
        return "MWh".equals(quantity);
    }
}
