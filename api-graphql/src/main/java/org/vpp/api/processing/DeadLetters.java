package org.vpp.api.processing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/**
 * The dead-letter queues of the processing groups that have one, for people: what is parked (handler, event, cause,
 * attempts), a retry that hands each parked sequence back to its handler, and the eviction of one letter. The queues
 * and their processing are Axon's; this only lists and asks.
 */
public class DeadLetters {

    /** One parked event. {@code sequence} is what orders it behind others (the aggregate id for domain events). */
    public record Letter(String id, String processingGroup, String sequence, long indexInQueue, String eventId,
                         String eventType, String aggregateType, String aggregateId, Long sequenceNumber,
                         Instant timestamp, String causeType, String causeMessage, Instant enqueuedAt,
                         Instant lastTouched, long attempts) {
    }

    /** What a retry did: sequences tried, cleared (every event handled) and still failing; letters left in the group. */
    public record Retry(int tried, int cleared, int stillFailing, long remaining) {
    }

    private final EventProcessingConfiguration processing;
    private final Set<String> groups;

    public DeadLetters(EventProcessingConfiguration processing, Set<String> groups) {
        this.processing = processing;
        this.groups = Set.copyOf(new TreeSet<>(groups));
    }

    /** The processing groups with a dead-letter queue, by name. */
    public List<String> groups() {
        return new ArrayList<>(new TreeSet<>(groups));
    }

    public boolean has(String group) {
        return groups.contains(group) && processing.deadLetterQueue(group).isPresent();
    }

    /** Up to {@code limit} letters, groups by name and each sequence in its order; of one group when given. */
    public List<Letter> list(String group, int limit) {
        List<Letter> out = new ArrayList<>();
        for (String g : group == null ? groups() : List.of(group)) {
            Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = processing.deadLetterQueue(g);
            if (queue.isEmpty()) continue;
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.get().deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    if (out.size() == limit) return out;
                    out.add(letter(g, letter));
                }
            }
        }
        return out;
    }

    public long size(String group) {
        return processing.deadLetterQueue(group).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    /**
     * Hands each parked sequence of the group back to its handler, oldest letter first. A sequence whose events are
     * all handled now leaves the queue; one that fails again stays, with its attempts counted by the policy.
     */
    public Retry retry(String group) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(group).orElseThrow();
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(group).orElseThrow();
        List<String> heads = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> head : sequence) {
                heads.add(id(head));
                break;
            }
        }
        int cleared = 0;
        for (String head : heads) {
            if (processor.process(letter -> head.equals(id(letter)))) cleared++;
        }
        return new Retry(heads.size(), cleared, heads.size() - cleared, queue.size());
    }

    /** Removes the letter for good; false when the group holds no letter of that id. */
    public boolean evict(String group, String letterId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(group).orElseThrow();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (letterId.equals(id(letter))) {
                    queue.evict(letter);
                    return true;
                }
            }
        }
        return false;
    }

    private static Letter letter(String group, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        String sequence = letter instanceof JdbcDeadLetter<?> jdbc ? jdbc.getSequenceIdentifier()
                : domain != null ? domain.getAggregateIdentifier() : event.getIdentifier();
        long index = letter instanceof JdbcDeadLetter<?> jdbc ? jdbc.getSequenceIndex() : 0;
        return new Letter(id(letter), group, sequence, index, event.getIdentifier(), event.getPayloadType().getSimpleName(),
                domain == null ? null : domain.getType(), domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), event.getTimestamp(),
                letter.cause().map(c -> c.type()).orElse(null), letter.cause().map(c -> c.message()).orElse(null),
                letter.enqueuedAt(), letter.lastTouched(), DeadLetterLog.attempts(letter));
    }

    /** The queue's own id of a letter (the JDBC row's), else the event's id. */
    static String id(DeadLetter<?> letter) {
        return letter instanceof JdbcDeadLetter<?> jdbc ? jdbc.getIdentifier() : letter.message().getIdentifier();
    }
}
