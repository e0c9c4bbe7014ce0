package org.vpp.command.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vpp.messages.dispatch.DispatchCancelled;
import org.vpp.messages.dispatch.DispatchCompleted;
import org.vpp.messages.dispatch.DispatchEvent;
import org.vpp.messages.dispatch.DispatchId;
import org.vpp.messages.dispatch.DispatchKind;
import org.vpp.messages.dispatch.DispatchPlanned;
import org.vpp.messages.dispatch.DispatchSettled;
import org.vpp.messages.dispatch.DispatchSlot;
import org.vpp.messages.dispatch.SlotDelivered;
import org.vpp.messages.dispatch.SlotDispatched;

/**
 * What the Dispatch aggregate knows to decide: its slots and which of them went out and were measured, and whether it
 * was cancelled, completed or settled. Immutable; {@link #evolve} returns the next state.
 *
 * @param measured the deviation (MW) of each measured slot, by slot start
 */
public record DispatchState(DispatchId id, DispatchKind kind, Instant plannedAt, Duration slotLength,
                            List<DispatchSlot> slots, Set<Instant> dispatched, Map<Instant, Double> measured,
                            Instant cancelledAt, boolean completed, boolean settled, Instant lastAt) {

    public DispatchState {
        slots = List.copyOf(slots);
        dispatched = Set.copyOf(dispatched);
        measured = Map.copyOf(measured);
    }

    static DispatchState planned(DispatchPlanned e) {
        return new DispatchState(e.dispatchId(), e.kind(), e.at(), e.slotLength(), e.slots(), Set.of(), Map.of(), null,
                false, false, e.at());
    }

    DispatchState evolve(DispatchEvent event) {
        return switch (event) {
            case DispatchPlanned e -> planned(e);
            case SlotDispatched e -> {
                Set<Instant> next = new HashSet<>(dispatched);
                next.add(e.slotStart());
                yield new DispatchState(id, kind, plannedAt, slotLength, slots, next, measured, cancelledAt, completed,
                        settled, e.at());
            }
            case SlotDelivered e -> {
                Map<Instant, Double> next = new HashMap<>(measured);
                next.put(e.slotStart(), e.deviation().value());
                yield new DispatchState(id, kind, plannedAt, slotLength, slots, dispatched, next, cancelledAt, completed,
                        settled, e.at());
            }
            case DispatchCancelled e -> new DispatchState(id, kind, plannedAt, slotLength, slots, dispatched, measured,
                    e.at(), completed, settled, e.at());
            case DispatchCompleted e -> new DispatchState(id, kind, plannedAt, slotLength, slots, dispatched, measured,
                    cancelledAt, true, settled, e.at());
            case DispatchSettled e -> new DispatchState(id, kind, plannedAt, slotLength, slots, dispatched, measured,
                    cancelledAt, completed, true, e.at());
        };
    }

    Instant start() {
        return slots.getFirst().start();
    }

    Instant end() {
        return slots.getLast().start().plus(slotLength);
    }

    DispatchSlot slot(Instant start) {
        for (DispatchSlot slot : slots) {
            if (slot.start().equals(start)) return slot;
        }
        return null;
    }

    /** The slots that run: all of them, or those that started before the cancellation. */
    List<DispatchSlot> runningSlots() {
        if (cancelledAt == null) return slots;
        return slots.stream().filter(s -> s.start().isBefore(cancelledAt)).toList();
    }

    boolean cancelled() {
        return cancelledAt != null;
    }
}
