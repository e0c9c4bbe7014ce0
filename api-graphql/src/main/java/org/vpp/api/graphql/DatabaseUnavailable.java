package org.vpp.api.graphql;

import java.sql.SQLTransientConnectionException;
import java.util.Map;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

/**
 * While the database cannot be reached (no connection within the pool's timeout, or the connection broke), a field
 * answers a clear, retryable error instead of an internal one: code {@code UNAVAILABLE}, no SQL, no class names. A
 * mutation refused this way may or may not have been recorded (the commit may have happened before the connection
 * broke), so the message says to read the state before sending it again; an {@code Idempotency-Key} does not cover
 * this case (the key's record lives in the same database, and a retryable refusal frees it).
 */
@Component
public class DatabaseUnavailable extends DataFetcherExceptionResolverAdapter {

    static final String CODE = "UNAVAILABLE";

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (!unavailable(ex)) return null;
        boolean mutation = env.getOperationDefinition() != null
                && env.getOperationDefinition().getOperation() == graphql.language.OperationDefinition.Operation.MUTATION;
        String message = mutation
                ? "The database is unavailable: this change may or may not have been recorded. When it is back, read the"
                + " state before sending the change again."
                : "The database is unavailable; ask again shortly.";
        return GraphqlErrorBuilder.newError(env).errorType(ErrorClassification.errorClassification(CODE)).message(message)
                .extensions(Map.of("code", CODE, "retryable", true)).build();
    }

    /** A lost or unobtainable connection, anywhere in the cause chain. */
    static boolean unavailable(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException
                    || t instanceof java.net.ConnectException) return true;
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) return true; // connection lost; server shut down
        }
        return false;
    }
}
