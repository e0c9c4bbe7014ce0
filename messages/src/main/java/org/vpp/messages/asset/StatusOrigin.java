package org.vpp.messages.asset;

/**
 * Who set the current status. Telemetry may only undo what telemetry did: an asset an operator put into
 * MAINTENANCE does not come back ONLINE because readings arrive.
 */
public enum StatusOrigin {
    OPERATOR, TELEMETRY
}
