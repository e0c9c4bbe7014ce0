package org.vpp.optimizer.aggregation;

import java.util.List;
import org.vpp.optimizer.model.AssetSchedule;
import org.vpp.optimizer.model.Violation;

/**
 * Device schedules recovered from an aggregated schedule, every device present, with what could not be
 * honoured: shortfalls per group and slot, and the hard-limit violations of the device schedules.
 */
public record Disaggregation(List<AssetSchedule> devices, List<DisaggregationShortfall> shortfalls,
                             List<Violation> violations) {

    public Disaggregation {
        devices = List.copyOf(devices);
        shortfalls = List.copyOf(shortfalls);
        violations = List.copyOf(violations);
    }

    public boolean feasible() {
        return shortfalls.isEmpty() && violations.isEmpty();
    }
}
