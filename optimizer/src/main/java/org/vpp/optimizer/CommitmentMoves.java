package org.vpp.optimizer;

import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import ai.timefold.solver.core.impl.score.director.ScoreDirector;
import ai.timefold.solver.core.preview.api.move.Move;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.random.RandomGenerator;
import org.vpp.optimizer.model.Generator;

/**
 * Moves that fit unit commitment. A single slot's change of a generator with minimum up and down times, a ramp and a
 * start-up cost nearly always breaks a rule; these moves change a window of slots and then make the whole day keep
 * the rules again ({@link ModelBuilder#withCommitmentRules}: runs extended to the minimum up time, short pauses
 * filled, ramps up after a start and down before a stop), so the search walks from one rule-abiding schedule to the
 * next:
 * <ul>
 *   <li><b>switch off</b> a window: a run cut short, ended early or removed (a stop shifted);
 *   <li><b>switch on</b> a window at one output: a new run, a run started earlier or ended later (a start shifted);
 *   <li><b>change a block's quantity</b>: every slot on in the window one output option up or down;
 *   <li><b>end a run</b> at a slot, or <b>remove</b> the run around it.
 * </ul>
 * Windows are 1 to {@link SolverConfigs#MAX_BLOCK_SLOTS} slots long, at random places.
 */
public final class CommitmentMoves implements MoveIteratorFactory<VppSolution, Move<VppSolution>> {

    private static final int ATTEMPTS = 8;

    private VppSolution indexed;
    private List<OutputLevel[]> generators = List.of();

    /** Public only because Timefold instantiates it reflectively. */
    public CommitmentMoves() {
    }

    @Override
    public long getSize(ScoreDirector<VppSolution> scoreDirector) {
        index(scoreDirector.getWorkingSolution());
        return generators.stream().mapToLong(levels -> levels.length).sum() * 4L;
    }

    @Override
    public Iterator<Move<VppSolution>> createOriginalMoveIterator(ScoreDirector<VppSolution> scoreDirector) {
        throw new UnsupportedOperationException("commitment moves are drawn at random only");
    }

    @Override
    public Iterator<Move<VppSolution>> createRandomMoveIterator(ScoreDirector<VppSolution> scoreDirector,
                                                               RandomGenerator random) {
        index(scoreDirector.getWorkingSolution());
        List<OutputLevel[]> units = generators;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !units.isEmpty();
            }

            @Override
            public Move<VppSolution> next() {
                if (units.isEmpty()) throw new NoSuchElementException();
                for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                    Move<VppSolution> move = draw(units.get(random.nextInt(units.size())), random);
                    if (move != null) return move;
                }
                return ValueChanges.ofOutputs("CommitmentBlock", List.of(), List.of());
            }
        };
    }

    /** One move on one generator's levels (sorted by slot), or null when it would change nothing. */
    static Move<VppSolution> draw(OutputLevel[] levels, RandomGenerator random) {
        OutputFact fact = levels[0].asset;
        Generator g = fact.generator;
        double[] options = fact.optionsMw[0];
        int n = levels.length;
        double[] p = new double[n];
        for (int t = 0; t < n; t++) p[t] = levels[t].powerMw();
        int start = random.nextInt(n);
        int end = Math.min(n, start + 1 + random.nextInt(SolverConfigs.MAX_BLOCK_SLOTS));
        switch (random.nextInt(5)) {
            case 3 -> {
                // end the run at a slot: off from there to the run's end
                for (int t = start; t < n && p[t] > 0; t++) p[t] = 0.0;
            }
            case 4 -> {
                // remove the whole run around a slot
                for (int t = start; t < n && p[t] > 0; t++) p[t] = 0.0;
                for (int t = start - 1; t >= 0 && p[t] > 0; t--) p[t] = 0.0;
            }
            case 0 -> {
                for (int t = start; t < end; t++) p[t] = 0.0;
            }
            case 1 -> {
                double level = options[1 + random.nextInt(options.length - 1)];
                for (int t = start; t < end; t++) p[t] = level;
            }
            default -> {
                int step = random.nextBoolean() ? 1 : -1;
                for (int t = start; t < end; t++) {
                    if (p[t] > 0) {
                        int option = Math.clamp(fact.nearestOption(t, p[t]) + step, 1, options.length - 1);
                        p[t] = options[option];
                    }
                }
            }
        }
        double[] kept = ModelBuilder.withCommitmentRules(g, p, options, fact.slotMinutes);
        List<OutputLevel> entities = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            int option = fact.nearestOption(t, kept[t]);
            if (option != levels[t].option) {
                entities.add(levels[t]);
                values.add(option);
            }
        }
        return entities.isEmpty() ? null : ValueChanges.ofOutputs("CommitmentBlock", entities, values);
    }

    private void index(VppSolution solution) {
        if (solution == indexed) return;
        Map<OutputFact, List<OutputLevel>> byUnit = new LinkedHashMap<>();
        for (OutputLevel level : solution.outputLevels) {
            if (level.asset.committed()) byUnit.computeIfAbsent(level.asset, k -> new ArrayList<>()).add(level);
        }
        List<OutputLevel[]> units = new ArrayList<>();
        byUnit.values().forEach(list -> {
            list.sort(Comparator.comparingInt(OutputLevel::slot));
            units.add(list.toArray(OutputLevel[]::new));
        });
        generators = Collections.unmodifiableList(units);
        indexed = solution;
    }
}
