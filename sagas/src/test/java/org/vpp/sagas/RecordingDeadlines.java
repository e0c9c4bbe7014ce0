package org.vpp.sagas;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.common.Registration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ScopeDescriptor;

/** A deadline manager for calling a saga's handlers directly, outside any Axon scope: counts what is scheduled and cancelled. */
public final class RecordingDeadlines implements DeadlineManager {
    public final Map<String, Integer> scheduled = new HashMap<>();
    public final List<Object> payloads = new ArrayList<>();
    public final List<String> cancelled = new ArrayList<>();

    @Override
    public String schedule(Instant at, String name) {
        scheduled.merge(name, 1, Integer::sum);
        return name + "#" + scheduled.get(name);
    }

    @Override
    public String schedule(Instant at, String name, Object payload, ScopeDescriptor scope) {
        payloads.add(payload);
        return schedule(at, name);
    }

    @Override
    public String schedule(Instant at, String name, Object payload) {
        return schedule(at, name, payload, null);
    }

    @Override
    public void cancelSchedule(String name, String id) {
        cancelled.add(name);
    }

    @Override
    public void cancelAll(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void cancelAllWithinScope(String name, ScopeDescriptor scope) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super DeadlineMessage<?>> interceptor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Registration registerHandlerInterceptor(MessageHandlerInterceptor<? super DeadlineMessage<?>> interceptor) {
        throw new UnsupportedOperationException();
    }
}
