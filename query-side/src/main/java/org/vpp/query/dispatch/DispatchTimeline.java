package org.vpp.query.dispatch;

import org.vpp.messages.dispatch.DispatchCancelled;
import org.vpp.messages.dispatch.DispatchCompleted;
import org.vpp.messages.dispatch.DispatchEvent;
import org.vpp.messages.dispatch.DispatchPlanned;
import org.vpp.messages.dispatch.DispatchSettled;
import org.vpp.messages.dispatch.DispatchStatus;
import org.vpp.messages.dispatch.SlotDelivered;
import org.vpp.messages.dispatch.SlotDispatched;

/** How each event of a dispatch moves its status in the read model, as a pure function. */
public final class DispatchTimeline {

    private DispatchTimeline() {
    }

    /**
     * The status after {@code event}, given the status before it (null before the first event). A slot dispatched
     * or measured starts a planned dispatch running and otherwise changes nothing: a cancelled dispatch still
     * measures the slots it sent, and a late event never takes a completed or settled one back. A cancelled
     * dispatch completes once its last slot is measured, and any completed one is then settled.
     */
    public static DispatchStatus statusAfter(DispatchStatus before, DispatchEvent event) {
        return switch (event) {
            case DispatchPlanned e -> DispatchStatus.PLANNED;
            case SlotDispatched e -> started(before);
            case SlotDelivered e -> started(before);
            case DispatchCancelled e -> DispatchStatus.CANCELLED;
            case DispatchCompleted e -> DispatchStatus.COMPLETED;
            case DispatchSettled e -> DispatchStatus.SETTLED;
        };
    }

    private static DispatchStatus started(DispatchStatus before) {
        return before == null || before == DispatchStatus.PLANNED ? DispatchStatus.RUNNING : before;
    }
}
