package org.vpp.api.support;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.web.client.RestClient;

/** A real HTTP GraphQL client against the running server, as any user's client would be. */
public final class GraphQl {

    private final HttpSyncGraphQlClient client;

    public GraphQl(int port) {
        this.client = HttpSyncGraphQlClient.builder(RestClient.create("http://localhost:" + port + "/graphql")).build();
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

    public static <T> T value(ClientGraphQlResponse response, String path) {
        return response.field(path).getValue();
    }

    public static List<Map<String, Object>> list(ClientGraphQlResponse response, String path) {
        return response.field(path).getValue();
    }
}
