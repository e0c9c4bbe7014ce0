package org.vpp.kernel;

/** What a node of the fleet tree is: a group (inner node) or a device (leaf). */
public enum AssetKind {
    PORTFOLIO, REGION, SITE,
    BATTERY, PV, WIND, LOAD, GENERATOR, EV_CHARGER;

    public boolean isGroup() {
        return this == PORTFOLIO || this == REGION || this == SITE;
    }

    public boolean isDevice() {
        return !isGroup();
    }

    /**
     * Devices that hold energy of their own and so have a capacity and state of charge. An EV charger does not: the
     * energy belongs to whichever car is plugged in, so it is a controllable load (with optional discharge, V2G).
     */
    public boolean isStorage() {
        return this == BATTERY;
    }
}
