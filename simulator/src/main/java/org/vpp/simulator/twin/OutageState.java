package org.vpp.simulator.twin;

import java.time.Instant;

/** Whether a device is in service, and when that changes next. */
public record OutageState(boolean available, Instant nextTransition) {
}
