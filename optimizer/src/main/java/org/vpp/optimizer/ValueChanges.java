package org.vpp.optimizer;

import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningVariableMetaModel;
import ai.timefold.solver.core.preview.api.move.Move;
import ai.timefold.solver.core.preview.api.move.MutableSolutionView;
import java.util.List;
import java.util.SequencedCollection;

/**
 * Several planning entities of one class given new values of one integer variable at once: the move of
 * {@link CommitmentMoves} (output options) and {@link PairedLevelMoves} (battery levels). The solver records every
 * change it makes and undoes them itself.
 */
record ValueChanges<E>(String name, Class<E> entityClass, String variable, List<E> entities, List<Integer> values)
        implements Move<VppSolution> {

    static ValueChanges<OutputLevel> ofOutputs(String name, List<OutputLevel> entities, List<Integer> options) {
        return new ValueChanges<>(name, OutputLevel.class, "option", List.copyOf(entities), List.copyOf(options));
    }

    static ValueChanges<BatteryLevel> ofBatteries(String name, List<BatteryLevel> entities, List<Integer> levels) {
        return new ValueChanges<>(name, BatteryLevel.class, "level", List.copyOf(entities), List.copyOf(levels));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(MutableSolutionView<VppSolution> view) {
        var meta = (PlanningVariableMetaModel<VppSolution, E, Integer>) (Object)
                view.getSolutionMetaModel().entity(entityClass).variable(variable);
        for (int i = 0; i < entities.size(); i++) {
            view.changeVariable(meta, entities.get(i), values.get(i));
        }
    }

    @Override
    public SequencedCollection<Object> getPlanningEntities() {
        return List.copyOf(entities);
    }

    @Override
    public SequencedCollection<Object> getPlanningValues() {
        return List.copyOf(values);
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public String toString() {
        return name + entities + "->" + values;
    }
}
