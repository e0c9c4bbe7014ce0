package org.vpp.api.processing;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * How far each streaming event processor is behind the event store: the head's position minus its slowest segment's
 * (a segment that has processed nothing counts from -1). One measure for the health indicator, the alerts and the
 * metrics.
 */
public final class ProcessorLags {

    private final EventProcessingConfiguration processing;
    private final EventStore events;

    public ProcessorLags(EventProcessingConfiguration processing, EventStore events) {
        this.processing = processing;
        this.events = events;
    }

    /** Events behind the head, per streaming processor that has claimed a segment, by name. */
    public Map<String, Long> now() {
        OptionalLong head = position(events.createHeadToken());
        Map<String, Long> lags = new TreeMap<>();
        if (head.isEmpty()) return lags;
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) of(streaming, head.getAsLong()).ifPresent(l -> lags.put(name, l));
        });
        return lags;
    }

    /** Events behind the head for one processor; 0 when it is not streaming or has claimed nothing. */
    public long of(String processorName) {
        OptionalLong head = position(events.createHeadToken());
        return processing.eventProcessor(processorName).filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .map(p -> head.isPresent() ? of(p, head.getAsLong()).orElse(0) : 0L).orElse(0L);
    }

    static OptionalLong of(StreamingEventProcessor processor, long head) {
        long slowest = Long.MAX_VALUE;
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            OptionalLong at = status.getCurrentPosition();
            slowest = Math.min(slowest, at.isPresent() ? at.getAsLong() : -1);
        }
        return slowest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(Math.max(0, head - slowest));
    }

    static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
