package org.vpp.api.security;

import java.util.Set;
import java.util.stream.Collectors;

import graphql.execution.ExecutionStepInfo;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;

/**
 * Checks {@link AccessRules} before a root field runs, for the caller the request carries in its GraphQL context
 * ({@link CallerContext}); the field then runs as that caller ({@link Callers#actingAs}), so the commands a mutation
 * sends name their author, and a mutation first takes one from the caller's rate limit. A refused field runs nothing, so it changes nothing.
 */
public final class FieldAccess extends SimplePerformantInstrumentation {

    private final RateLimits limits;

    public FieldAccess(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        ExecutionStepInfo info = parameters.getExecutionStepInfo();
        String type = info.getObjectType().getName();
        if (!AccessRules.GUARDED_TYPES.contains(type)) return fetcher;
        String field = info.getFieldDefinition().getName();
        if (field.startsWith("__")) return fetcher;
        String coordinate = type + "." + field;
        var allowed = AccessRules.allowed(type, field);
        return env -> {
            Caller caller = env.getGraphQlContext().get(Caller.class);
            if (caller == null) {
                throw new AccessRefused(coordinate, coordinate + " needs a token: send Authorization: Bearer <token>", false);
            }
            if (allowed.isEmpty()) {
                throw new AccessRefused(coordinate, coordinate + " has no access rule and is refused to every role", true);
            }
            if (!caller.grantsAny(allowed.get())) {
                throw new AccessRefused(coordinate, coordinate + " needs the role " + names(allowed.get()) + "; "
                        + caller.subject() + " has " + caller.role(), true);
            }
            if (type.equals("Mutation")) {
                limits.acquire(caller.subject(), field.equals("ingestTelemetry") ? RateLimits.Kind.TELEMETRY : RateLimits.Kind.MUTATION);
            }
            return Callers.actingAs(caller, () -> {
                try {
                    return fetcher.get(env);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        };
    }

    private static String names(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(" or "));
    }
}
