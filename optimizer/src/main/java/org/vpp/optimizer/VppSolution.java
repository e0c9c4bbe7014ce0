package org.vpp.optimizer;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.score.HardSoftScore;
import java.util.List;

/** The solver's working copy of a problem. Never leaves this package. */
@PlanningSolution
public final class VppSolution {

    @ProblemFactCollectionProperty
    public List<Membership> memberships;
    @ProblemFactCollectionProperty
    public List<NodeLimit> nodeLimits;
    @ProblemFactCollectionProperty
    public List<CommitmentFact> commitments;
    @ProblemFactCollectionProperty
    public List<BlockFact> blocks = List.of();
    @PlanningEntityCollectionProperty
    public List<BatteryLevel> batteryLevels;
    @PlanningEntityCollectionProperty
    public List<OutputLevel> outputLevels;
    @PlanningScore
    public HardSoftScore score;

    VppSolution() {
    }

    VppSolution(List<Membership> memberships, List<NodeLimit> nodeLimits, List<CommitmentFact> commitments,
                List<BatteryLevel> batteryLevels, List<OutputLevel> outputLevels) {
        this.memberships = memberships;
        this.nodeLimits = nodeLimits;
        this.commitments = commitments;
        this.batteryLevels = batteryLevels;
        this.outputLevels = outputLevels;
    }
}
