package org.vpp.simulator.market;

public enum AwardStatus {
    ACCEPTED,
    PARTIALLY_ACCEPTED,
    REJECTED
}
