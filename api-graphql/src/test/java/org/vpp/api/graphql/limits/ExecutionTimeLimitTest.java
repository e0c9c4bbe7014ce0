package org.vpp.api.graphql.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

/** The execution timeout on a tiny schema, with a time source the test steps: one second per look at the time. */
class ExecutionTimeLimitTest {

    private final AtomicInteger fetches = new AtomicInteger();

    private GraphQL graphQl(ExecutionTimeLimit limit) {
        DataFetcher<Object> items = env -> {
            fetches.incrementAndGet();
            return Collections.nCopies(100, 7);
        };
        DataFetcher<Object> value = env -> {
            fetches.incrementAndGet();
            return env.getSource();
        };
        var schema = new SchemaGenerator().makeExecutableSchema(
                new SchemaParser().parse("type Query { items: [Item] } type Mutation { items: [Item] } type Item { a: Int b: Int }"),
                RuntimeWiring.newRuntimeWiring()
                        .type("Query", t -> t.dataFetcher("items", items))
                        .type("Mutation", t -> t.dataFetcher("items", items))
                        .type("Item", t -> t.dataFetcher("a", value).dataFetcher("b", value))
                        .build());
        return GraphQL.newGraphQL(schema).instrumentation(limit).build();
    }

    /** 0 s when the execution starts, then one second later at each look. */
    private static LongSupplier secondsTicking() {
        AtomicLong seconds = new AtomicLong();
        return () -> Duration.ofSeconds(seconds.getAndIncrement()).toNanos();
    }

    @Test
    void aQueryStillRunningAtTheDeadlineIsCancelledAndTheAnswerNamesTheLimit() {
        // Deadline 2.5 s: the looks at 1 s (items) and 2 s (items[0].a) pass, the look at 3 s (items[0].b) cancels.
        ExecutionResult result = graphQl(new ExecutionTimeLimit(Duration.ofMillis(2500), secondsTicking()))
                .execute("{ items { a b } }");

        assertThat(result.getErrors()).singleElement().satisfies(e ->
                assertThat(e.getMessage()).contains("execution timeout of PT2.5S").contains("vpp.api.execution-timeout"));
        assertThat((Object) result.getData()).isNull();
        // 1 + 100 x 2 = 201 fetches uncancelled; it stopped within the first item.
        assertThat(fetches.get()).isBetween(3, 4);
    }

    @Test
    void aQueryDoneBeforeTheDeadlineIsAnsweredInFull() {
        // 201 fetches, one second each: done at 201 s, before a deadline of 300 s.
        ExecutionResult result = graphQl(new ExecutionTimeLimit(Duration.ofSeconds(300), secondsTicking()))
                .execute("{ items { a b } }");

        assertThat(result.getErrors()).isEmpty();
        assertThat(fetches.get()).isEqualTo(201);
    }

    @Test
    void aMutationIsNeverCancelledAfterItsWriteItsWaitIsBoundedElsewhere() {
        ExecutionResult result = graphQl(new ExecutionTimeLimit(Duration.ofMillis(2500), secondsTicking()))
                .execute("mutation { items { a b } }");

        assertThat(result.getErrors()).isEmpty();
        assertThat(fetches.get()).isEqualTo(201);
    }
}
