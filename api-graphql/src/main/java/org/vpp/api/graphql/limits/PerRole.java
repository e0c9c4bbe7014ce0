package org.vpp.api.graphql.limits;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.validation.ValidationError;

/**
 * A limit whose bound depends on the caller's role: each request is checked by the instance for its role (as the
 * request's GraphQL context names it), or by the default one. Used for depth and complexity: a device needs little,
 * an auditor's trail queries need more.
 */
public final class PerRole extends SimplePerformantInstrumentation {

    private record Chosen(Instrumentation limit, InstrumentationState state) implements InstrumentationState {
    }

    private final Instrumentation fallback;
    private final Map<String, Instrumentation> byRole;
    private final Function<GraphQLContext, String> roleOf;

    public PerRole(Instrumentation fallback, Map<String, Instrumentation> byRole, Function<GraphQLContext, String> roleOf) {
        this.fallback = fallback;
        this.byRole = Map.copyOf(byRole);
        this.roleOf = roleOf;
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        String role = roleOf.apply(parameters.getExecutionInput().getGraphQLContext());
        Instrumentation limit = role == null ? fallback : byRole.getOrDefault(role, fallback);
        CompletableFuture<InstrumentationState> state = limit.createStateAsync(parameters);
        return (state == null ? CompletableFuture.<InstrumentationState>completedFuture(null) : state)
                .thenApply(s -> new Chosen(limit, s));
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                         InstrumentationState state) {
        Chosen chosen = (Chosen) state;
        return chosen.limit().beginValidation(parameters, chosen.state());
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        Chosen chosen = (Chosen) state;
        return chosen.limit().beginExecuteOperation(parameters, chosen.state());
    }
}
