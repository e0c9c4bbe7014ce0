package org.vpp.api.graphql.socket;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * Spring GraphQL's graphql-transport-ws handler, with every text message checked first ({@link SocketMessages}): one the
 * protocol does not define closes the socket with 4400 and says why, as the protocol asks, instead of reaching the
 * decoder, which closed such a socket with 1011 and no reason (found by {@code FuzzIT}).
 */
public class StrictGraphQlWebSocketHandler extends GraphQlWebSocketHandler {

    /** graphql-transport-ws: a message of a type or format this protocol does not define. */
    public static final int INVALID_MESSAGE = 4400;
    /** A close frame's reason holds at most 123 bytes of UTF-8. */
    private static final int MAX_REASON_BYTES = 123;
    private static final Logger log = LoggerFactory.getLogger(StrictGraphQlWebSocketHandler.class);

    /** @param cors the origins a browser may open the socket from; null: no check, as Boot does without any */
    public StrictGraphQlWebSocketHandler(WebGraphQlHandler graphQlHandler, HttpMessageConverter<Object> converter,
                                         Duration connectionInitTimeout, Duration keepAlive, CorsConfiguration cors) {
        super(graphQlHandler, converter, connectionInitTimeout, keepAlive, cors);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
        Optional<String> problem = SocketMessages.problem(message.getPayload());
        if (problem.isPresent()) {
            log.debug("WebSocket {}: closed, invalid message: {}", session.getId(), problem.get());
            session.close(new CloseStatus(INVALID_MESSAGE, reason("Invalid message: " + problem.get())));
            return;
        }
        super.handleTextMessage(session, message);
    }

    /** The reason cut to what a close frame holds, on a character boundary. */
    static String reason(String text) {
        String cut = text;
        while (cut.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) cut = cut.substring(0, cut.length() - 1);
        return cut;
    }
}
