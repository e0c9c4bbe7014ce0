package org.vpp.api.graphql.limits;

import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;

/** Refuses a query nested deeper than the maximum, before it runs (e.g. children { parent { children { ... } } }). */
public class DepthLimit extends MaxQueryDepthInstrumentation {

    public DepthLimit(int maxDepth) {
        super(maxDepth);
    }

    @Override
    protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
        return new AbortExecutionException("Query depth " + depth + " is more than the maximum depth of " + maxDepth
                + " (limit vpp.api.max-depth)");
    }
}
