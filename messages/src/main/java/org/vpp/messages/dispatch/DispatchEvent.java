package org.vpp.messages.dispatch;

import java.time.Instant;

/** Every event of the Dispatch aggregate: the dispatch it belongs to and the application-clock instant. */
public sealed interface DispatchEvent permits DispatchPlanned, SlotDispatched, SlotDelivered, DispatchCancelled,
        DispatchCompleted, DispatchSettled {

    DispatchId dispatchId();

    Instant at();
}
