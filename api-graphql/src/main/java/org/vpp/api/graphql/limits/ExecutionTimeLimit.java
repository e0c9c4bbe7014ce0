package org.vpp.api.graphql.limits;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition;

/**
 * Cancels a query still running after the timeout: the next field fetch past the deadline asks graphql-java to
 * cancel the execution (it stops at its next field), and the answer then says which limit was hit instead of
 * graphql-java's generic "asked to be cancelled". The same cancellation serves a client that goes away: Spring
 * GraphQL cancels the execution input when the request's reactive pipeline is cancelled.
 * <p>
 * Only queries are timed. A mutation has already sent its command when its payload is fetched; cancelling it then
 * would hide the outcome of a write that happened. Its wait is bounded by vpp.api.read-your-writes-timeout instead.
 */
public class ExecutionTimeLimit extends SimplePerformantInstrumentation {

    private final Duration timeout;
    private final LongSupplier nanoTime;

    public ExecutionTimeLimit(Duration timeout) {
        this(timeout, System::nanoTime);
    }

    /** @param nanoTime a monotonic time source in nanoseconds (tests step their own) */
    public ExecutionTimeLimit(Duration timeout, LongSupplier nanoTime) {
        this.timeout = timeout;
        this.nanoTime = nanoTime;
    }

    record Deadline(long atNanos, AtomicBoolean passed) implements InstrumentationState {
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Deadline(nanoTime.getAsLong() + timeout.toNanos(), new AtomicBoolean());
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
                                                                  InstrumentationState state) {
        Deadline deadline = (Deadline) state;
        boolean query = parameters.getExecutionContext().getOperationDefinition().getOperation() == OperationDefinition.Operation.QUERY;
        if (query && !deadline.passed().get() && nanoTime.getAsLong() - deadline.atNanos() >= 0 && deadline.passed().compareAndSet(false, true)) {
            parameters.getExecutionContext().getExecutionInput().cancel();
        }
        return super.beginFieldFetching(parameters, state);
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                       InstrumentationExecutionParameters parameters,
                                                                       InstrumentationState state) {
        if (state instanceof Deadline deadline && deadline.passed().get()) {
            return CompletableFuture.completedFuture(ExecutionResult.newExecutionResult()
                    .addError(GraphqlErrorBuilder.newError()
                            .message("Query ran longer than the execution timeout of " + timeout + " and was cancelled (limit vpp.api.execution-timeout)")
                            .errorType(graphql.ErrorType.ExecutionAborted)
                            .build())
                    .build());
        }
        return super.instrumentExecutionResult(result, parameters, state);
    }
}
