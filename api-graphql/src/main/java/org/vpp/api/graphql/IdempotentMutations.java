package org.vpp.api.graphql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vpp.api.security.Caller;
import org.vpp.api.security.Callers;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * Mutations with an {@code Idempotency-Key} header take effect once per key and token subject: the first request runs
 * and its response (data and errors) is recorded; a repeat answers that response again, marked with the extension
 * {@code idempotentReplay: true}, without running. The key is claimed before the mutation runs, so two concurrent
 * duplicates cannot both run: the second is told the first is still in progress. A request refused before anything ran
 * (no data: syntax, validation, limits) or for a passing reason (RATE_LIMITED, UNAVAILABLE) releases its key, so the
 * retry runs; a claim left without a response for two minutes (its process died) is abandoned. A key reused for a different
 * request (another document or other variables) is refused, naming the header. Queries and subscriptions ignore the
 * header. Keys are kept for a day.
 */
@Component
public class IdempotentMutations implements WebGraphQlInterceptor {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 200;
    static final Duration KEPT_FOR = Duration.ofDays(1);
    /** Longer than any request runs (the read-your-writes wait is 10 s, the execution limit 5 s). */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private final JdbcTemplate jdbc;
    private final InstantSource clock;
    private final ObjectMapper json;

    public IdempotentMutations(JdbcTemplate jdbc, InstantSource clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String key = request instanceof WebSocketGraphQlRequest ? null : request.getHeaders().getFirst(HEADER);
        if (key == null) return chain.next(request);
        String problem = problem(key);
        if (problem != null) return Mono.just(refused(request, "INVALID_IDEMPOTENCY_KEY", HEADER + " " + problem));
        Caller caller = Callers.current().orElse(null);
        if (caller == null || !isMutation(request)) return chain.next(request);

        String hash = sha256(request.getDocument() + "\n" + request.getOperationName() + "\n" + json.writeValueAsString(request.getVariables()));
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("DELETE FROM mutation_idempotency WHERE created_at < ?", Timestamp.from(clock.instant().minus(KEPT_FOR)));
        // A claim left without a response for longer than any request may run was abandoned (its process died, or the
        // database went away before the response could be recorded): it no longer holds the key.
        jdbc.update("DELETE FROM mutation_idempotency WHERE subject = ? AND idem_key = ? AND response IS NULL AND created_at < ?",
                caller.subject(), key, Timestamp.from(clock.instant().minus(ABANDONED_AFTER)));
        int claimed = jdbc.update("INSERT INTO mutation_idempotency (subject, idem_key, request_sha256, created_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", caller.subject(), key, hash, now);
        if (claimed == 0) return Mono.just(repeat(request, caller, key, hash));
        return chain.next(request)
                .doOnError(e -> release(caller, key))
                .map(response -> {
                    if (response.getData() == null || retryable(response)) {
                        // Nothing ran (refused before execution), or it was refused for a passing reason (rate limit,
                        // database unavailable): the key stays free, so the same request may be sent again.
                        release(caller, key);
                    } else {
                        jdbc.update("UPDATE mutation_idempotency SET response = ? WHERE subject = ? AND idem_key = ?",
                                json.writeValueAsString(response.toMap()), caller.subject(), key);
                    }
                    return response;
                });
    }

    /** The answer to a key already claimed: the first response again, or why not. */
    private WebGraphQlResponse repeat(WebGraphQlRequest request, Caller caller, String key, String hash) {
        Map<String, Object> row;
        try {
            row = jdbc.queryForMap("SELECT request_sha256, response FROM mutation_idempotency WHERE subject = ? AND idem_key = ?",
                    caller.subject(), key);
        } catch (EmptyResultDataAccessException released) {
            return refused(request, "IDEMPOTENCY_KEY_IN_PROGRESS", "the request with " + HEADER + " '" + key
                    + "' was just refused or is being retried; send it again");
        }
        if (!hash.equals(row.get("request_sha256"))) {
            return refused(request, "IDEMPOTENCY_KEY_REUSED", HEADER + " '" + key + "' was first used for a different request"
                    + " (another document or other variables); use a new key for a new request");
        }
        Object recorded = row.get("response");
        if (recorded == null) {
            return refused(request, "IDEMPOTENCY_KEY_IN_PROGRESS", "the first request with " + HEADER + " '" + key
                    + "' is still running; send it again to get its answer");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> first = json.readValue((String) recorded, Map.class);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) first.getOrDefault("errors", List.of());
        ExecutionResult result = ExecutionResult.newExecutionResult().data(first.get("data"))
                .errors(errors.stream().map(GraphQLError::fromSpecification).toList())
                .extensions(Map.of("idempotentReplay", true)).build();
        return response(request, result);
    }

    /** Refusals that say "not now" rather than "no": a repeat of the request should run, not replay them. */
    static final java.util.Set<String> RETRYABLE = java.util.Set.of("RATE_LIMITED", DatabaseUnavailable.CODE);

    private static boolean retryable(WebGraphQlResponse response) {
        return response.getErrors().stream().anyMatch(e -> RETRYABLE.contains(String.valueOf(e.getExtensions().get("code"))));
    }

    private void release(Caller caller, String key) {
        jdbc.update("DELETE FROM mutation_idempotency WHERE subject = ? AND idem_key = ? AND response IS NULL", caller.subject(), key);
    }

    /** Why the key cannot be used, or null: 1..200 printable characters. */
    static String problem(String key) {
        if (key.isBlank()) return "must not be blank";
        if (key.length() > MAX_LENGTH) return "must be at most " + MAX_LENGTH + " characters, got " + key.length();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isISOControl(c)) return String.format(java.util.Locale.ROOT, "must not contain control characters (U+%04X at %d)", (int) c, i + 1);
        }
        return null;
    }

    private static boolean isMutation(WebGraphQlRequest request) {
        try {
            Document document = Parser.parse(request.getDocument());
            List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
            String name = request.getOperationName();
            return operations.stream().filter(o -> name == null || name.equals(o.getName())).findFirst()
                    .map(o -> o.getOperation() == OperationDefinition.Operation.MUTATION).orElse(false);
        } catch (InvalidSyntaxException e) {
            return false; // refused by the execution, with its own error, and nothing runs
        }
    }

    private static WebGraphQlResponse refused(WebGraphQlRequest request, String code, String message) {
        GraphQLError error = GraphQLError.newError().message(message)
                .errorType(ErrorClassification.errorClassification(code))
                .extensions(Map.of("code", code, "header", HEADER)).build();
        return response(request, ExecutionResult.newExecutionResult().addError(error).build());
    }

    private static WebGraphQlResponse response(WebGraphQlRequest request, ExecutionResult result) {
        ExecutionGraphQlResponse response = new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result);
        return new WebGraphQlResponse(response);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
