package org.vpp.messages.dispatch;

/** Why a dispatch exists. */
public enum DispatchKind {
    /** Delivers what a bid cleared on the market: absolute setpoints for the whole fleet of the bid's snapshot. */
    MARKET,
    /**
     * An operator's request for extra power under a node for a window: setpoints on top of the schedule (deltas),
     * so cancelling it returns the assets to their schedule.
     */
    MANUAL
}
