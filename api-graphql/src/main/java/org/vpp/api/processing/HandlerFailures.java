package org.vpp.api.processing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The event each processor last failed on, until that event is handled: what health names for a processor that
 * retries rather than dead-letters (a group without a queue, or a queue that could not take the letter). A
 * dead-lettering group never lets the failure reach this interceptor; its letters are in its queue.
 */
public final class HandlerFailures {

    /** One failing event of a processor. */
    public record Failure(String eventIdentifier, String event, String cause) {
    }

    private final Map<String, Failure> failing = new ConcurrentHashMap<>();

    public Optional<Failure> of(String processor) {
        return Optional.ofNullable(failing.get(processor));
    }

    public MessageHandlerInterceptor<EventMessage<?>> interceptorFor(String processor) {
        return (UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) -> {
            EventMessage<?> event = unitOfWork.getMessage();
            try {
                Object result = chain.proceed();
                failing.computeIfPresent(processor, (k, f) -> f.eventIdentifier().equals(event.getIdentifier()) ? null : f);
                return result;
            } catch (Exception e) {
                failing.put(processor, new Failure(event.getIdentifier(), DeadLetterLog.describe(event), e.toString()));
                throw e;
            }
        };
    }
}
