package org.vpp.api.metrics;

import java.util.List;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.vpp.optimizer.lp.LpReference;

/**
 * Health of the optimizer (the {@code solver} component of {@code /actuator/health}): UP while OR-Tools gives this
 * process an LP solver (a schedule's bound) and a MIP solver (the exact bound when prices go negative), with the
 * latest schedule's gap in the details. OUT_OF_SERVICE, not DOWN, without them: Timefold still plans, unmeasured.
 */
public final class SolverHealthIndicator implements HealthIndicator {

    private final VppMetrics metrics;
    private volatile List<String> solvers;

    public SolverHealthIndicator(VppMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public Health health() {
        List<String> available = solvers;
        if (available == null) solvers = available = LpReference.availableSolvers();
        boolean lp = LpReference.DEFAULT_SOLVERS.stream().anyMatch(available::contains);
        boolean mip = LpReference.MIP_SOLVERS.stream().anyMatch(available::contains);
        Health.Builder health = new Health.Builder(lp && mip ? Status.UP : Status.OUT_OF_SERVICE).withDetail("solvers", available);
        if (!lp) health.withDetail("problem", "no LP solver (" + LpReference.DEFAULT_SOLVERS + "): schedules get no bound");
        else if (!mip) health.withDetail("problem", "no MIP solver (" + LpReference.MIP_SOLVERS + "): no exact bound at negative prices");
        Double gap = metrics.latestGap();
        if (gap != null) health.withDetail("latestScheduleGap", gap);
        return health.build();
    }
}
