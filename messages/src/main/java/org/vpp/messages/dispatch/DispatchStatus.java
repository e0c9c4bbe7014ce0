package org.vpp.messages.dispatch;

/**
 * Where a dispatch stands as the read model shows it, a phase of its life: PLANNED, RUNNING from its first slot
 * dispatched (or measured), CANCELLED, COMPLETED once every slot it ran was measured, SETTLED once its money is
 * known. A cancelled dispatch whose last slots are still measured stays CANCELLED until it completes;
 * {@code cancelledAt} keeps the cancellation after that.
 */
public enum DispatchStatus {
    PLANNED, RUNNING, CANCELLED, COMPLETED, SETTLED
}
