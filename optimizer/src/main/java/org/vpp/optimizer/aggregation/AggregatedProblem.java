package org.vpp.optimizer.aggregation;

import java.util.List;
import java.util.Map;
import org.vpp.optimizer.model.Battery;
import org.vpp.optimizer.model.Problem;

/**
 * A fleet problem with the batteries of each group (site, region) replaced by one equivalent battery named
 * after the group; {@code members} lists each group's devices, {@code original} keeps the device problem.
 */
public record AggregatedProblem(Problem original, Problem aggregated, Map<String, List<Battery>> members) {

    public AggregatedProblem {
        members = Map.copyOf(members);
    }
}
