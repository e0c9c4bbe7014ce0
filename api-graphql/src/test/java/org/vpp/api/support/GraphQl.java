package org.vpp.api.support;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.web.client.RestClient;

/** A real HTTP GraphQL client against the running server, as any user's client would be. */
public final class GraphQl {

    private final HttpSyncGraphQlClient client;
    private final RestClient http;

    /** A client that sends this bearer token (null: none, as an anonymous caller would). */
    public GraphQl(int port, String token) {
        this.http = RestClient.builder().baseUrl("http://localhost:" + port + "/graphql")
                .defaultHeaders(h -> {
                    if (token != null) h.setBearerAuth(token);
                }).build();
        this.client = HttpSyncGraphQlClient.builder(http).build();
    }

    /** A client with the ADMIN token an application wrote to its data directory on start. */
    public static GraphQl asAdmin(int port, java.nio.file.Path dataDir) {
        return new GraphQl(port, adminToken(dataDir));
    }

    /** A client of an application started in the test's JVM, with an ADMIN token issued by it. */
    public static GraphQl asAdmin(org.springframework.context.ApplicationContext app) {
        return new GraphQl(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")), adminToken(app));
    }

    public static String adminToken(org.springframework.context.ApplicationContext app) {
        var tokens = app.getBean(org.vpp.api.security.ApiTokens.class);
        return tokens.issue(new org.vpp.api.security.ApiTokens.Request("test-admin", org.vpp.api.security.Role.ADMIN, null, null),
                "tests").token();
    }

    public static String adminToken(java.nio.file.Path dataDir) {
        try {
            return java.nio.file.Files.readString(dataDir.resolve("admin-token")).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An answer as HTTP status and the decoded JSON body. */
    public record Raw(int status, Map<String, Object> body) {

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> errors() {
            Object errors = body.get("errors");
            return errors == null ? List.of() : (List<Map<String, Object>>) errors;
        }

        /** The value at a dotted path under {@code data}. */
        @SuppressWarnings("unchecked")
        public <T> T data(String path) {
            Object node = body.get("data");
            for (String key : path.split("\\.")) node = node == null ? null : ((Map<String, Object>) node).get(key);
            return (T) node;
        }
    }

    /**
     * Posts a request body as written, JSON escapes included: the way to send what a JSON encoder would refuse to
     * produce, e.g. a lone surrogate as {@code \\uD800}.
     */
    @SuppressWarnings("unchecked")
    public Raw post(String jsonBody) {
        var entity = http.post().contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(jsonBody)
                .retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(Map.class);
        return new Raw(entity.getStatusCode().value(), entity.getBody());
    }

    public ClientGraphQlResponse run(String document) {
        return client.document(document).executeSync();
    }

    public ClientGraphQlResponse run(String document, Map<String, Object> variables) {
        return client.document(document).variables(variables).executeSync();
    }

    /** Runs and asserts the response has no GraphQL errors, returning it. */
    public ClientGraphQlResponse ok(String document) {
        ClientGraphQlResponse response = run(document);
        if (!response.getErrors().isEmpty()) throw new AssertionError("GraphQL errors: " + response.getErrors());
        return response;
    }

    /** Runs with variables and asserts the response has no GraphQL errors, returning it. */
    public ClientGraphQlResponse ok(String document, Map<String, Object> variables) {
        ClientGraphQlResponse response = run(document, variables);
        if (!response.getErrors().isEmpty()) throw new AssertionError("GraphQL errors: " + response.getErrors());
        return response;
    }

    public static <T> T value(ClientGraphQlResponse response, String path) {
        return response.field(path).getValue();
    }

    public static List<Map<String, Object>> list(ClientGraphQlResponse response, String path) {
        return response.field(path).getValue();
    }
}
