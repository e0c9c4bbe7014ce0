package org.vpp.simulator.demo;

/** Node types of the fleet tree: groups first, then devices. */
public enum AssetKind {
    PORTFOLIO, REGION, SITE, BATTERY, PV, WIND, LOAD, GENERATOR, EV_CHARGER;

    public boolean isGroup() {
        return this == PORTFOLIO || this == REGION || this == SITE;
    }

    public boolean isStorage() {
        return this == BATTERY;
    }
}
