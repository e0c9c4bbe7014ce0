package org.vpp.messages.asset;

/** Operational status; only ONLINE devices under ONLINE groups count as available flexibility. */
public enum AssetStatus {
    ONLINE, OFFLINE, FAULT, MAINTENANCE, DECOMMISSIONED
}
