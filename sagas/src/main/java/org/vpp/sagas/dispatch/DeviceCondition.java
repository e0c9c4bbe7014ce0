package org.vpp.sagas.dispatch;

import java.time.Instant;

/**
 * What is known of a device when a slot is dispatched: its registry status and its newest reading (null fields
 * when it never reported).
 *
 * @param online    its status is ONLINE and every group above it is ONLINE
 * @param available the newest reading's availability flag
 */
public record DeviceCondition(String assetId, boolean online, Instant readingAt, Double powerMw, Double soc,
                              boolean available) {
}
