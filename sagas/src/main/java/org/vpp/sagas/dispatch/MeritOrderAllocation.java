package org.vpp.sagas.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Shares a request for power among candidates by merit order. Pure.
 *
 * <p>The rule, with R the request (MW, positive = more injection, negative = less):
 * <ul>
 *   <li><b>order</b>: an upward request (R &gt; 0) fills the cheapest marginal cost first; a downward request
 *       (R &lt; 0) the most expensive first, because the dearest output is the one worth reducing first. Equal costs
 *       go to the larger headroom first (fewer devices moved), then by asset id, so the result never depends on the
 *       order the candidates came in;</li>
 *   <li><b>amount</b>: each candidate in that order takes the smaller of what is still needed and its headroom;</li>
 *   <li><b>minimum</b>: a candidate that cannot run below a minimum (a generator that is off must start at its minimum
 *       power) is skipped when that amount is below its minimum, and the next one is asked;</li>
 *   <li><b>result</b>: only candidates given power are listed (a candidate with no headroom never is), in the order
 *       they were filled; each power carries the request's sign; {@code unmetMw = R - totalMw}, same sign as R or 0.</li>
 * </ul>
 */
public final class MeritOrderAllocation {

    /** Below this the remaining need is taken as met: rounding left over by the subtractions. */
    static final double EPSILON_MW = 1e-9;

    private MeritOrderAllocation() {
    }

    /**
     * A device that may take part of a request.
     *
     * @param headroomMw  how far it can move in the request's direction, non-negative
     * @param minimumMw   the smallest non-zero amount it can take (0 when any amount will do), non-negative
     */
    public record Candidate(String assetId, double headroomMw, double minimumMw, double marginalCostEurPerMwh) {

        public Candidate {
            if (!(headroomMw >= 0) || !(minimumMw >= 0) || Double.isNaN(marginalCostEurPerMwh)) {
                throw new IllegalArgumentException("candidate " + assetId
                        + ": headroom and minimum must be non-negative numbers, the marginal cost a number");
            }
        }
    }

    /** The part given to one candidate, signed like the request, with its merit and the headroom it had. */
    public record Allocated(String assetId, double powerMw, double marginalCostEurPerMwh, double headroomMw) {
    }

    /** Who takes how much, in merit order; {@code totalMw} signed like the request, {@code unmetMw} what is left. */
    public record Allocation(List<Allocated> allocations, double totalMw, double unmetMw) {

        public Allocation {
            allocations = List.copyOf(allocations);
        }
    }

    public static Allocation allocate(double requestMw, List<Candidate> candidates) {
        if (!Double.isFinite(requestMw)) throw new IllegalArgumentException("request must be a finite power: " + requestMw);
        double sign = Math.signum(requestMw);
        double remaining = Math.abs(requestMw);
        List<Allocated> allocations = new ArrayList<>();
        double total = 0;
        for (Candidate c : meritOrder(requestMw, candidates)) {
            if (remaining <= EPSILON_MW) break;
            double amount = Math.min(remaining, c.headroomMw());
            if (amount <= EPSILON_MW || amount < c.minimumMw() - EPSILON_MW) continue;
            allocations.add(new Allocated(c.assetId(), sign * amount, c.marginalCostEurPerMwh(), c.headroomMw()));
            total += sign * amount;
            remaining -= amount;
        }
        return new Allocation(allocations, total, requestMw - total);
    }

    private static List<Candidate> meritOrder(double requestMw, List<Candidate> candidates) {
        Comparator<Candidate> byCost = Comparator.comparingDouble(Candidate::marginalCostEurPerMwh);
        Comparator<Candidate> order = (requestMw >= 0 ? byCost : byCost.reversed())
                .thenComparing(Comparator.comparingDouble(Candidate::headroomMw).reversed())
                .thenComparing(Candidate::assetId);
        return candidates.stream().sorted(order).toList();
    }
}
