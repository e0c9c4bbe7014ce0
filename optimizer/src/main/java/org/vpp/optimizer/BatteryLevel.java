package org.vpp.optimizer;

import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.valuerange.ValueRange;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeFactory;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/**
 * The state-of-charge level of one battery at the end of one slot. Slot -1 is the pinned initial state, so
 * that the power of every slot is the difference of two neighbouring levels.
 */
@PlanningEntity
public final class BatteryLevel {

    @PlanningId
    public String id;
    BatteryFact battery;
    int slot;
    @PlanningPin
    public boolean pinned;
    @PlanningVariable(valueRangeProviderRefs = "batteryLevelRange")
    public Integer level;

    BatteryLevel() {
    }

    BatteryLevel(BatteryFact battery, int slot, int level) {
        this.id = battery.id + "@" + slot;
        this.battery = battery;
        this.slot = slot;
        this.pinned = slot < 0;
        this.level = level;
    }

    static BatteryLevel initial(BatteryFact battery) {
        return new BatteryLevel(battery, -1, battery.initialLevel);
    }

    @ValueRangeProvider(id = "batteryLevelRange")
    public ValueRange<Integer> levelRange() {
        return ValueRangeFactory.createIntValueRange(0, battery.levelCount);
    }

    BatteryFact battery() {
        return battery;
    }

    int slot() {
        return slot;
    }

    int level() {
        return level;
    }

    boolean pinned() {
        return pinned;
    }

    double socMwh() {
        return battery.socMwh(level);
    }

    @Override
    public String toString() {
        return id + "=" + level;
    }
}
