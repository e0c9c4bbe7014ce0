package org.vpp.messages.dispatch;

import java.time.Instant;

/** The dispatch was cancelled: no setpoint of it applies from {@code at} on. */
public record DispatchCancelled(DispatchId dispatchId, Instant at, String reason) implements DispatchEvent {
}
