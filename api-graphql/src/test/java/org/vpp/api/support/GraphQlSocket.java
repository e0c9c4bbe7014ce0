package org.vpp.api.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import tools.jackson.databind.json.JsonMapper;

/**
 * A graphql-transport-ws client over the JDK's WebSocket, as a browser's would be: the token goes in connection_init.
 * A {@code stalled} client reads its first message and then nothing more, as a client that stopped reading would.
 */
public final class GraphQlSocket implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebSocket socket;
    private final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile String closeReason;
    private final AtomicInteger ids = new AtomicInteger();

    private GraphQlSocket(int port, boolean stalled) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + "/graphql"), new Listener(stalled))
                .orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
    }

    /** Connects and sends nothing: not even connection_init. */
    public static GraphQlSocket raw(int port) {
        return new GraphQlSocket(port, false);
    }

    /** Connects and sends connection_init with this token (null: none); does not wait for the answer. */
    public static GraphQlSocket open(int port, String token, boolean stalled) {
        GraphQlSocket s = new GraphQlSocket(port, stalled);
        s.send(token == null ? Map.of("type", "connection_init", "payload", Map.of())
                : Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token)));
        return s;
    }

    /** Connects, initialises with the token and waits for the server's acknowledgement. */
    public static GraphQlSocket connect(int port, String token) {
        return connect(port, token, false);
    }

    /** As {@link #connect(int, String)}; a stalled client stops reading after its first {@code next} message. */
    public static GraphQlSocket connect(int port, String token, boolean stalled) {
        GraphQlSocket s = open(port, token, stalled);
        s.await(m -> "connection_ack".equals(m.get("type")), "connection_ack");
        return s;
    }

    /** Starts a subscription; answers its id. */
    public String subscribe(String document) {
        String id = "s" + ids.incrementAndGet();
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", document)));
        return id;
    }

    /** Waits for a {@code next} message of the subscription whose data satisfies the condition; answers its data. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> next(String id, Predicate<Map<String, Object>> data, String what) {
        Map<String, Object> m = await(msg -> id.equals(msg.get("id")) && "next".equals(msg.get("type"))
                && ((Map<String, Object>) msg.get("payload")).get("data") != null
                && data.test((Map<String, Object>) ((Map<String, Object>) msg.get("payload")).get("data")), what);
        return (Map<String, Object>) ((Map<String, Object>) m.get("payload")).get("data");
    }

    /** Waits for the subscription's errors (an {@code error} message, or a {@code next} carrying errors). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> errors(String id) {
        Map<String, Object> m = await(msg -> id.equals(msg.get("id")) && ("error".equals(msg.get("type"))
                || ("next".equals(msg.get("type")) && ((Map<String, Object>) msg.get("payload")).get("errors") != null)), "errors of " + id);
        Object payload = m.get("payload");
        return payload instanceof List<?> list ? (List<Map<String, Object>>) list
                : (List<Map<String, Object>>) ((Map<String, Object>) payload).get("errors");
    }

    /** Sends this text as it is, well-formed or not (for the fuzzer). */
    public void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends these bytes as one binary frame (the protocol has none). */
    public void sendBinary(byte[] bytes) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).join();
    }

    /** Whether the server has closed the connection (or it broke). */
    public boolean isClosed() {
        return closed.isDone();
    }

    /** The close code, once closed; null while open. */
    public Integer closeCode() {
        return closed.getNow(null);
    }

    /** The reason the server gave with its close frame; null while open or without one. */
    public String closeReason() {
        return closeReason;
    }

    public List<Map<String, Object>> received() {
        return new ArrayList<>(received);
    }

    /** The close code the server sent, once it closed the connection. */
    public int awaitClosed() {
        return closed.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
    }

    private Map<String, Object> await(Predicate<Map<String, Object>> match, String what) {
        try {
            return Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> received.stream().filter(match).findFirst(), Optional::isPresent).orElseThrow();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no message for " + what + "; received: " + received, e);
        }
    }

    private void send(Map<String, Object> message) {
        socket.sendText(JSON.writeValueAsString(message), true).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null).join();
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final boolean stalled;
        private final StringBuilder partial = new StringBuilder();

        Listener(boolean stalled) {
            this.stalled = stalled;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        @SuppressWarnings("unchecked")
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                Map<String, Object> message = JSON.readValue(partial.toString(), Map.class);
                partial.setLength(0);
                received.add(message);
                if ("ping".equals(message.get("type"))) webSocket.sendText("{\"type\":\"pong\"}", true);
                if (stalled && "next".equals(message.get("type"))) return null; // reads nothing more
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
