package org.vpp.api.processing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of the event processors (the {@code processors} component of {@code /actuator/health}). It is
 * OUT_OF_SERVICE while any processor has parked events in its dead-letter queue, fails on an event and retries, or
 * lags more than {@code maxLag} events behind the head of the event store; the details name the processor, the
 * event and the cause. The application keeps serving meanwhile (other sequences flow), so this is not DOWN.
 */
public final class ProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final HandlerFailures failures;
    private final long maxLag;

    public ProcessorsHealthIndicator(EventProcessingConfiguration processing, EventStore events, HandlerFailures failures, long maxLag) {
        this.processing = processing;
        this.events = events;
        this.failures = failures;
        this.maxLag = maxLag;
    }

    @Override
    public Health health() {
        OptionalLong head = ProcessorLags.position(events.createHeadToken());
        boolean healthy = true;
        Health.Builder health = Health.up();
        for (Map.Entry<String, EventProcessor> entry : new TreeMap<>(processing.eventProcessors()).entrySet()) {
            Map<String, Object> details = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            details.put("running", entry.getValue().isRunning());
            if (entry.getValue() instanceof StreamingEventProcessor streaming) streaming(streaming, head, details, problems);
            failures.of(entry.getKey()).ifPresent(f -> {
                problems.add("fails on " + f.event() + ": " + f.cause());
                details.put("failingEvent", f.eventIdentifier());
            });
            processing.deadLetterQueue(entry.getKey()).ifPresent(queue -> deadLetters(queue, details, problems));
            details.put("status", problems.isEmpty() ? "ok" : String.join("; ", problems));
            healthy &= problems.isEmpty();
            health.withDetail(entry.getKey(), details);
        }
        return health.status(healthy ? Status.UP : Status.OUT_OF_SERVICE).build();
    }

    private void streaming(StreamingEventProcessor processor, OptionalLong head, Map<String, Object> details, List<String> problems) {
        if (processor.isError()) problems.add("retrying after an error");
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            if (status.isErrorState()) {
                problems.add("segment " + status.getSegment().getSegmentId() + " failed: " + status.getError());
            }
        }
        if (head.isPresent()) {
            OptionalLong lag = ProcessorLags.of(processor, head.getAsLong());
            if (lag.isPresent()) {
                details.put("lag", lag.getAsLong());
                if (lag.getAsLong() > maxLag) problems.add("lagging " + lag.getAsLong() + " events behind the event store (limit " + maxLag + ")");
            }
        }
    }

    private static void deadLetters(SequencedDeadLetterQueue<EventMessage<?>> queue, Map<String, Object> details, List<String> problems) {
        long size = queue.size();
        details.put("deadLetters", size);
        if (size == 0) return;
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> first : sequence) {
                String cause = first.cause().map(c -> c.type() + ": " + c.message()).orElse("unknown");
                details.put("firstDeadLetter", Map.of("event", first.message().getIdentifier(),
                        "description", DeadLetterLog.describe(first.message()), "cause", cause));
                problems.add(size + " event(s) in " + queue.amountOfSequences() + " sequence(s) parked in the dead-letter queue, first "
                        + DeadLetterLog.describe(first.message()) + ": " + cause);
                return;
            }
        }
    }
}
