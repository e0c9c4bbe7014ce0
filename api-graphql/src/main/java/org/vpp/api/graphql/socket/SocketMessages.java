package org.vpp.api.graphql.socket;

import java.util.Optional;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a client may send over graphql-transport-ws, checked before the message is decoded. The protocol says a
 * message of a type or format it does not define closes the socket at once with 4400; Spring GraphQL decodes first
 * and, on JSON it cannot read or a payload of the wrong shape, closed with 1011 (a server error, no reason) instead.
 * Pure: the text in, the problem (if any) out.
 *
 * <p>A client sends {@code connection_init}, {@code ping}, {@code pong} (payload absent, null or an object),
 * {@code subscribe} (an {@code id}: a non-empty string without control characters; a {@code payload} object with a
 * string {@code query}, and {@code variables}, {@code extensions} objects or null, {@code operationName} a string or
 * null) and {@code complete} (an {@code id}). Everything else is a problem.
 */
public final class SocketMessages {

    /** The longest id kept: ids are echoed in every answer and held per subscription. */
    public static final int MAX_ID_LENGTH = 256;

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FROM_CLIENT = Set.of("connection_init", "ping", "pong", "subscribe", "complete");

    private SocketMessages() {
    }

    /** Why this text is not a message a client may send, or empty when it is one. */
    public static Optional<String> problem(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (JacksonException e) {
            return Optional.of("not JSON");
        }
        if (message == null || !message.isObject()) return Optional.of("not a JSON object");
        JsonNode type = message.get("type");
        if (type == null || !type.isString()) return Optional.of("type must be a string");
        if (!FROM_CLIENT.contains(type.asString())) return Optional.of("type must be one of " + FROM_CLIENT.stream().sorted().toList());
        JsonNode payload = message.get("payload");
        return switch (type.asString()) {
            case "subscribe" -> id(message.get("id")).or(() -> subscribePayload(payload));
            case "complete" -> id(message.get("id"));
            default -> payload == null || payload.isNull() || payload.isObject() ? Optional.empty()
                    : Optional.of("payload must be an object");
        };
    }

    private static Optional<String> id(JsonNode id) {
        if (id == null || !id.isString() || id.asString().isEmpty()) return Optional.of("id must be a non-empty string");
        String value = id.asString();
        if (value.length() > MAX_ID_LENGTH) return Optional.of("id must be at most " + MAX_ID_LENGTH + " characters");
        if (value.chars().anyMatch(c -> c < 0x20 || (c >= 0x7f && c < 0xa0))) {
            return Optional.of("id must not contain control characters");
        }
        return Optional.empty();
    }

    private static Optional<String> subscribePayload(JsonNode payload) {
        if (payload == null || !payload.isObject()) return Optional.of("payload must be an object");
        JsonNode query = payload.get("query");
        if (query == null || !query.isString()) return Optional.of("payload.query must be a string");
        for (String field : new String[] {"variables", "extensions"}) {
            JsonNode value = payload.get(field);
            if (value != null && !value.isNull() && !value.isObject()) return Optional.of("payload." + field + " must be an object");
        }
        JsonNode operation = payload.get("operationName");
        if (operation != null && !operation.isNull() && !operation.isString()) {
            return Optional.of("payload.operationName must be a string");
        }
        return Optional.empty();
    }
}
