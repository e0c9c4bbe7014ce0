package org.vpp.api.security;

import java.time.Instant;
import java.util.Map;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import reactor.core.publisher.Mono;

/**
 * Puts the authenticated caller into each GraphQL request's context, where {@link FieldAccess} finds it whatever
 * thread a field runs on. Over HTTP the caller is the one Spring Security authenticated. Over WebSocket (browsers
 * cannot set headers on it) the token comes in {@code connection_init}'s payload as {@code {"Authorization": "Bearer
 * <token>"}}; a connection without a valid one is closed with 4401. The token is checked again at every operation, so
 * a revoked or expired one starts nothing more, and a subscription ends when its token expires.
 */
public final class CallerContext implements WebSocketGraphQlInterceptor {

    static final String TOKEN = "vpp.token";
    /** GraphQL context key: when the request's token expires (subscriptions end then). */
    public static final String EXPIRES_AT = "vpp.tokenExpiresAt";
    /** GraphQL context key: the WebSocket session of a subscription, for per-connection limits. */
    public static final String SESSION = "vpp.session";

    private final JwtDecoder decoder;

    public CallerContext(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Object header = payload.get("Authorization");
        if (header == null) header = payload.get("authorization");
        if (!(header instanceof String text) || !text.startsWith("Bearer ")) {
            return Mono.error(new IllegalArgumentException("connection_init needs {\"Authorization\": \"Bearer <token>\"}"));
        }
        String token = text.substring("Bearer ".length()).strip();
        try {
            decoder.decode(token);
        } catch (JwtException e) {
            return Mono.error(new IllegalArgumentException("the token was refused: " + e.getMessage()));
        }
        session.getAttributes().put(TOKEN, token);
        return Mono.empty();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest socket) {
            Object token = socket.getSessionInfo().getAttributes().get(TOKEN);
            if (token instanceof String t) {
                try {
                    Jwt jwt = decoder.decode(t);
                    Caller caller = ApiTokens.caller(jwt.getSubject(), jwt.getClaimAsString(ApiTokens.ROLE_CLAIM),
                            jwt.getClaimAsStringList(ApiTokens.ASSETS_CLAIM), jwt.getId());
                    Instant expires = jwt.getExpiresAt();
                    String session = socket.getSessionInfo().getId();
                    request.configureExecutionInput((input, builder) -> builder.graphQLContext(context -> {
                        context.put(Caller.class, caller);
                        if (expires != null) context.put(EXPIRES_AT, expires);
                        context.put(SESSION, session);
                    }).build());
                } catch (JwtException e) {
                    // No caller: every field answers that it needs a token, naming itself.
                }
            }
        } else {
            Callers.current().ifPresent(caller -> request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(context -> context.put(Caller.class, caller)).build()));
        }
        return chain.next(request);
    }
}
