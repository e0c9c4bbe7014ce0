package org.vpp.api.processing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enqueue policy of every dead-lettering group: park the failed event (its cause truncated to the width of
 * {@code dead_letter_entry.cause_message}, its failures counted in the letter's diagnostics) and say so once, naming
 * the group, the event and the cause; a retry that fails again says so as a warning. Later events of the same
 * sequence are parked behind it by the queue without asking the policy, so nothing here repeats per event or per
 * retry.
 */
public final class DeadLetterLog implements EnqueuePolicy<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterLog.class);
    private final String processingGroup;

    public DeadLetterLog(String processingGroup) {
        this.processingGroup = processingGroup;
    }

    /** Diagnostics key: how many times the handler failed on this event, the first time included. */
    public static final String ATTEMPTS = "attempts";

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        long attempts = attempts(letter) + 1;
        if (attempts == 1) {
            log.error("Processor '{}' parked {} in its dead-letter queue; later events of the same {} wait behind it. Cause: {}",
                    processingGroup, describe(letter.message()), sequenceName(letter.message()), cause.toString());
        } else {
            log.warn("Processor '{}' retried {} and it failed again (attempt {}); it stays in the dead-letter queue. Cause: {}",
                    processingGroup, describe(letter.message()), attempts, cause.toString());
        }
        return Decisions.enqueue(ThrowableCause.truncated(cause), l -> l.diagnostics().and(ATTEMPTS, attempts));
    }

    /** Failures recorded so far: 0 for an event parked behind another without being tried. */
    public static long attempts(DeadLetter<?> letter) {
        return letter.diagnostics().get(ATTEMPTS) instanceof Number n ? n.longValue() : 0;
    }

    static String describe(EventMessage<?> event) {
        String type = event.getPayloadType().getSimpleName();
        if (event instanceof DomainEventMessage<?> domain) {
            return "event " + event.getIdentifier() + " (" + type + " of " + domain.getType() + " " + domain.getAggregateIdentifier()
                    + " #" + domain.getSequenceNumber() + ")";
        }
        return "event " + event.getIdentifier() + " (" + type + ")";
    }

    private static String sequenceName(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? "aggregate " + domain.getAggregateIdentifier() : "sequence";
    }
}
