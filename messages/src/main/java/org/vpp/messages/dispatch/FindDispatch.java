package org.vpp.messages.dispatch;

/** One dispatch as the read model shows it; answered with a {@link DispatchView}, or null when unknown. */
public record FindDispatch(DispatchId dispatchId) {
}
