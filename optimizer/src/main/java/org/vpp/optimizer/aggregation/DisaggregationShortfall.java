package org.vpp.optimizer.aggregation;

/** Power of a group's setpoint that its devices could not take within their own limits (MW, signed). */
public record DisaggregationShortfall(String groupId, int slot, double missingMw) {
}
