package org.vpp.optimizer;

import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.valuerange.ValueRange;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeFactory;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/** The chosen power option of one renewable, generator or flexible load in one slot. */
@PlanningEntity
public final class OutputLevel {

    @PlanningId
    public String id;
    OutputFact asset;
    int slot;
    @PlanningVariable(valueRangeProviderRefs = "outputOptionRange")
    public Integer option;

    OutputLevel() {
    }

    OutputLevel(OutputFact asset, int slot, int option) {
        this.id = asset.id + "@" + slot;
        this.asset = asset;
        this.slot = slot;
        this.option = option;
    }

    @ValueRangeProvider(id = "outputOptionRange")
    public ValueRange<Integer> optionRange() {
        return ValueRangeFactory.createIntValueRange(0, asset.optionsMw[slot].length);
    }

    OutputFact asset() {
        return asset;
    }

    int slot() {
        return slot;
    }

    double powerMw() {
        return asset.optionsMw[slot][option];
    }

    double gridMwh() {
        return powerMw() * asset.prices.slotHours();
    }

    /** Orders levels by asset, then slot, so that a block move's run is neighbouring slots of one asset. */
    public static final class BySlot implements java.util.Comparator<OutputLevel> {
        @Override
        public int compare(OutputLevel a, OutputLevel b) {
            int byAsset = a.asset.id.compareTo(b.asset.id);
            return byAsset != 0 ? byAsset : Integer.compare(a.slot, b.slot);
        }
    }

    @Override
    public String toString() {
        return id + "=" + option;
    }
}
