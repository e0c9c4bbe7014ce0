package org.vpp.query.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vpp.messages.dispatch.DispatchStatus.CANCELLED;
import static org.vpp.messages.dispatch.DispatchStatus.COMPLETED;
import static org.vpp.messages.dispatch.DispatchStatus.PLANNED;
import static org.vpp.messages.dispatch.DispatchStatus.RUNNING;
import static org.vpp.messages.dispatch.DispatchStatus.SETTLED;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.dispatch.DispatchCancelled;
import org.vpp.messages.dispatch.DispatchCompleted;
import org.vpp.messages.dispatch.DispatchEvent;
import org.vpp.messages.dispatch.DispatchId;
import org.vpp.messages.dispatch.DispatchKind;
import org.vpp.messages.dispatch.DispatchPlanned;
import org.vpp.messages.dispatch.DispatchSettled;
import org.vpp.messages.dispatch.DispatchSlot;
import org.vpp.messages.dispatch.DispatchStatus;
import org.vpp.messages.dispatch.SlotDelivered;
import org.vpp.messages.dispatch.SlotDispatched;

/** A one-slot manual dispatch is enough to show how each event moves the status, from each status it can meet. */
class DispatchTimelineTest {

    static final DispatchId ID = DispatchId.manual("peak-1");
    static final Instant AT = Instant.parse("2026-06-17T09:50:00Z");
    static final Instant SLOT = Instant.parse("2026-06-17T10:00:00Z");
    static final ContentReference REF = ContentReference.of("dispatch-plan/manual:peak-1", "a".repeat(64));

    static final DispatchEvent PLANNED_EVENT = new DispatchPlanned(ID, AT, DispatchKind.MANUAL, null, "site-1",
            Duration.ofMinutes(15), List.of(new DispatchSlot(SLOT, Megawatts.of(2), null)), REF, 3, Megawatts.of(2),
            List.of(), Megawatts.ZERO, "evening peak");
    static final DispatchEvent DISPATCHED = new SlotDispatched(ID, SLOT, SLOT, 3, List.of(), List.of(), Megawatts.ZERO);
    static final DispatchEvent DELIVERED = new SlotDelivered(ID, SLOT.plusSeconds(900), SLOT, Megawatts.of(2),
            Megawatts.of(1.9), Megawatts.of(-0.1), List.of(), REF, 45, 0);
    static final DispatchEvent CANCELLED_EVENT = new DispatchCancelled(ID, SLOT.plusSeconds(60), "operator: peak over");
    static final DispatchEvent COMPLETED_EVENT = new DispatchCompleted(ID, SLOT.plusSeconds(960), 1, Megawatts.of(-0.1));
    static final DispatchEvent SETTLED_EVENT = new DispatchSettled(ID, SLOT.plusSeconds(3600), LocalDate.parse("2026-06-17"),
            List.of(), List.of(), REF, new BigDecimal("95.00"), BigDecimal.ZERO, "imbalance price");

    static Stream<Arguments> transitions() {
        return Stream.of(
                Arguments.of("planning plans", null, PLANNED_EVENT, PLANNED),
                Arguments.of("the first slot dispatched starts it", PLANNED, DISPATCHED, RUNNING),
                Arguments.of("a slot measured before any was dispatched starts it too", PLANNED, DELIVERED, RUNNING),
                Arguments.of("a later slot dispatched keeps it running", RUNNING, DISPATCHED, RUNNING),
                Arguments.of("a slot measured keeps it running", RUNNING, DELIVERED, RUNNING),
                Arguments.of("cancelling before any slot cancels", PLANNED, CANCELLED_EVENT, CANCELLED),
                Arguments.of("cancelling while running cancels", RUNNING, CANCELLED_EVENT, CANCELLED),
                Arguments.of("the slots sent before the cancellation are measured, still cancelled", CANCELLED, DELIVERED, CANCELLED),
                Arguments.of("a slot's setpoints reported after the cancellation do not restart it", CANCELLED, DISPATCHED, CANCELLED),
                Arguments.of("completion after running", RUNNING, COMPLETED_EVENT, COMPLETED),
                Arguments.of("completion after the cancellation's last slot", CANCELLED, COMPLETED_EVENT, COMPLETED),
                Arguments.of("a late measurement leaves it completed", COMPLETED, DELIVERED, COMPLETED),
                Arguments.of("settling settles", COMPLETED, SETTLED_EVENT, SETTLED),
                Arguments.of("a late slot event leaves it settled", SETTLED, DISPATCHED, SETTLED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transitions")
    void eachEventMovesTheStatusFromWhereItStood(String rule, DispatchStatus before, DispatchEvent event, DispatchStatus after) {
        assertThat(DispatchTimeline.statusAfter(before, event)).isEqualTo(after);
    }
}
