package org.vpp.api.graphql;

/** A query argument that cannot be used at all (e.g. a malformed id); becomes a GraphQL error naming it. */
public class BadArgumentException extends RuntimeException {

    private final String field;

    public BadArgumentException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
