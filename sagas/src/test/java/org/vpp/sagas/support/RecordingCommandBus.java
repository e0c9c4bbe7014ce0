package org.vpp.sagas.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;

/** A real Axon command bus whose handlers only record what the process sent, for tests of processes. */
public final class RecordingCommandBus {

    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final List<Object> sent = new CopyOnWriteArrayList<>();
    private final CommandGateway gateway = DefaultCommandGateway.builder().commandBus(bus).build();

    /** Handles commands of {@code type} by recording them. */
    public RecordingCommandBus accepting(Class<?> type) {
        return answering(type, command -> {
        });
    }

    /**
     * Handles commands of {@code type} by recording them, then answering as {@code answer} does: returning accepts,
     * throwing is a handler that refuses or fails, and the sender gets what it threw.
     */
    public RecordingCommandBus answering(Class<?> type, Consumer<Object> answer) {
        bus.subscribe(type.getName(), message -> {
            sent.add(message.getPayload());
            answer.accept(message.getPayload());
            return null;
        });
        return this;
    }

    public CommandGateway gateway() {
        return gateway;
    }

    public <T> List<T> sent(Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
