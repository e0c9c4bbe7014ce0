package org.vpp.optimizer.aggregation;

import java.util.List;
import org.vpp.optimizer.model.Battery;

/**
 * How {@link FleetAggregation#aggregate(org.vpp.optimizer.model.Problem, java.util.Map, ShapeClasses)} splits
 * a group into equivalent units of similar shape. Batteries of one shape (same usable duration, same initial
 * position in the usable band, same efficiencies) scaled by size sum to an equivalent unit that is exactly
 * representable by its members; the bucket edges bound how far the members of one unit may differ.
 *
 * @param durationEdgesHours        edges of the usable duration {@code (socMax - floor) / maxDischarge} in hours
 * @param initialFractionEdges      edges of the initial position {@code (initial - floor) / (socMax - floor)}
 * @param roundTripEfficiencyEdges  edges of {@code chargeEfficiency * dischargeEfficiency}
 */
public record ShapeClasses(List<Double> durationEdgesHours, List<Double> initialFractionEdges,
                           List<Double> roundTripEfficiencyEdges) {

    public ShapeClasses {
        durationEdgesHours = List.copyOf(durationEdgesHours);
        initialFractionEdges = List.copyOf(initialFractionEdges);
        roundTripEfficiencyEdges = List.copyOf(roundTripEfficiencyEdges);
    }

    /** One class per group: the plain sum of all its batteries. */
    public static ShapeClasses none() {
        return new ShapeClasses(List.of(), List.of(), List.of());
    }

    /**
     * Usable duration split at 1.75 h and 2.5 h, initial position at 1/3 and 2/3 of the band, efficiencies not
     * split: at most 9 units per group. Measured on the benchmark fleet (1-4 h, 92-97 % efficiencies) as the
     * best trade between the aggregated problem's size and how closely the devices can follow it (see the notes).
     */
    public static ShapeClasses defaults() {
        return new ShapeClasses(List.of(1.75, 2.5), List.of(1.0 / 3, 2.0 / 3), List.of());
    }

    /** The class of a battery, e.g. {@code d1f0e0}. */
    String classOf(Battery b) {
        double band = b.socMaxMwh() - b.usableFloorMwh();
        double duration = b.maxDischargeMw() > 0 ? band / b.maxDischargeMw() : Double.POSITIVE_INFINITY;
        double fraction = band > 0 ? (b.initialSocMwh() - b.usableFloorMwh()) / band : 0.0;
        double roundTrip = b.chargeEfficiency() * b.dischargeEfficiency();
        return "d" + bucket(durationEdgesHours, duration) + "f" + bucket(initialFractionEdges, fraction)
                + "e" + bucket(roundTripEfficiencyEdges, roundTrip);
    }

    private static int bucket(List<Double> edges, double value) {
        int k = 0;
        while (k < edges.size() && value >= edges.get(k)) {
            k++;
        }
        return k;
    }
}
