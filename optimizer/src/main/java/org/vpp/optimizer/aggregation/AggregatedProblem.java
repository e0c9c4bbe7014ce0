package org.vpp.optimizer.aggregation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vpp.optimizer.model.Battery;
import org.vpp.optimizer.model.Problem;

/**
 * A fleet problem with the batteries of each group (site, region) replaced by equivalent batteries:
 * {@code members} lists each equivalent unit's devices, {@code groupOfUnit} names the group each unit belongs
 * to (one unit per group named after the group, or several shape classes of a group, see
 * {@link FleetAggregation#aggregate(Problem, Map, ShapeClasses)}), {@code original} keeps the device problem.
 */
public record AggregatedProblem(Problem original, Problem aggregated, Map<String, List<Battery>> members,
                                Map<String, String> groupOfUnit) {

    public AggregatedProblem {
        members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
        groupOfUnit = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groupOfUnit));
        if (!groupOfUnit.keySet().equals(members.keySet())) {
            throw new IllegalArgumentException("every equivalent unit needs a group");
        }
    }

    /** One equivalent unit per group, named after the group. */
    public AggregatedProblem(Problem original, Problem aggregated, Map<String, List<Battery>> members) {
        this(original, aggregated, members, identity(members));
    }

    private static Map<String, String> identity(Map<String, List<Battery>> members) {
        Map<String, String> map = new LinkedHashMap<>();
        members.keySet().forEach(unit -> map.put(unit, unit));
        return map;
    }
}
