package org.vpp.api.graphql.limits;

import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;

/** Refuses a query nested deeper than the maximum, before it runs (e.g. children { parent { children { ... } } }). */
public class DepthLimit extends MaxQueryDepthInstrumentation {

    private final String limit;

    public DepthLimit(int maxDepth) {
        this(maxDepth, "vpp.api.max-depth");
    }

    /** @param limit the setting that gives the bound, named in the refusal */
    public DepthLimit(int maxDepth, String limit) {
        super(maxDepth);
        this.limit = limit;
    }

    @Override
    protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
        return new AbortExecutionException("Query depth " + depth + " is more than the maximum depth of " + maxDepth
                + " (limit " + limit + ")");
    }
}
