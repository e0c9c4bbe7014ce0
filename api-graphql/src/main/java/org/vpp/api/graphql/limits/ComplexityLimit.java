package org.vpp.api.graphql.limits;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.schema.GraphQLTypeUtil;

/**
 * Refuses a query whose estimated number of field values exceeds the maximum, before it runs. A field costs 1 plus
 * its children's cost times how many values it returns: its page size ({@code first}) when it has one, the
 * assumed list size for other lists ({@code children}, {@code nodes}), 1 otherwise. So each nesting of
 * {@code children} multiplies the cost, as it multiplies the work.
 */
public class ComplexityLimit extends MaxQueryComplexityInstrumentation {

    private final String limit;

    public ComplexityLimit(int maxComplexity, int assumedListSize) {
        this(maxComplexity, assumedListSize, "vpp.api.max-complexity");
    }

    /** @param limit the setting that gives the bound, named in the refusal */
    public ComplexityLimit(int maxComplexity, int assumedListSize, String limit) {
        super(maxComplexity, calculator(assumedListSize));
        this.limit = limit;
    }

    static FieldComplexityCalculator calculator(int assumedListSize) {
        return (env, childComplexity) -> (int) Math.min(Integer.MAX_VALUE, 1 + (long) childComplexity * times(env, assumedListSize));
    }

    static long times(FieldComplexityEnvironment env, int assumedListSize) {
        if (env.getArguments().get("first") instanceof Number first) return Math.max(1, first.longValue());
        if (!GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(env.getFieldDefinition().getType()))) return 1;
        // A connection's edges are already counted by the page size given on the connection field.
        FieldComplexityEnvironment parent = env.getParentEnvironment();
        if (parent != null && parent.getArguments().get("first") instanceof Number) return 1;
        return assumedListSize;
    }

    @Override
    protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
        return new AbortExecutionException("Query complexity " + complexity + " is more than the maximum of " + maxComplexity
                + " (limit " + limit + "; list fields count by their page size 'first' or an assumed size)");
    }
}
