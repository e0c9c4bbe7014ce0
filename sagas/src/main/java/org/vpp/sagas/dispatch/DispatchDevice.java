package org.vpp.sagas.dispatch;

import java.util.List;

import org.vpp.kernel.AssetKind;
import org.vpp.kernel.TechnicalLimits;

/**
 * A device in a dispatch's scope, as the plan recorded it.
 *
 * @param groups         the groups above it, nearest first (site, region, portfolio): the tree distance the
 *                       re-dispatch policy minimises
 * @param controllable   whether it takes setpoints (batteries, generators, PV and wind by curtailment); loads and EV
 *                       chargers (until sessions are modelled) only have an expected power
 * @param marginalCostEurPerMwh the cost of one more MWh from it: the merit order of allocations
 * @param socAtStart     a battery's state of charge (0..1) when the plan was made, null when unknown or not a battery
 */
public record DispatchDevice(String id, AssetKind kind, List<String> groups, TechnicalLimits limits,
                             boolean controllable, double marginalCostEurPerMwh, Double socAtStart) {

    public DispatchDevice {
        groups = List.copyOf(groups);
    }
}
