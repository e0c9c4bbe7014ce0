package org.vpp.simulator.market;

public enum SubmissionStatus {
    RECEIVED,
    REFUSED_AFTER_GATE_CLOSURE,
    REFUSED_DUPLICATE_BID_ID,
    REFUSED_INVALID
}
