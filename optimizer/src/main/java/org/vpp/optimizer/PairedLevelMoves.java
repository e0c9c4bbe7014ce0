package org.vpp.optimizer;

import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import ai.timefold.solver.core.impl.score.director.ScoreDirector;
import ai.timefold.solver.core.preview.api.move.Move;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.random.RandomGenerator;

/**
 * Where the market trades blocks, the fleet's net in a slot must stay put while one battery's plan changes: these moves
 * change one battery's level at a slot and another battery's level at the same slot the other way, the one whose change
 * best compensates the first's in the fleet's net. A single level change breaks the block's quantity; a pair keeps it
 * (to the levels' resolution), so the search can repair a battery's ramp or power limit, or improve the value, within
 * the blocks.
 */
public final class PairedLevelMoves implements MoveIteratorFactory<VppSolution, Move<VppSolution>> {

    private VppSolution indexed;
    private List<BatteryLevel[]> batteries = List.of();

    /** Public only because Timefold instantiates it reflectively. */
    public PairedLevelMoves() {
    }

    @Override
    public long getSize(ScoreDirector<VppSolution> scoreDirector) {
        index(scoreDirector.getWorkingSolution());
        return batteries.stream().mapToLong(levels -> levels.length).sum() * 4L;
    }

    @Override
    public Iterator<Move<VppSolution>> createOriginalMoveIterator(ScoreDirector<VppSolution> scoreDirector) {
        throw new UnsupportedOperationException("paired level moves are drawn at random only");
    }

    @Override
    public Iterator<Move<VppSolution>> createRandomMoveIterator(ScoreDirector<VppSolution> scoreDirector,
                                                               RandomGenerator random) {
        index(scoreDirector.getWorkingSolution());
        List<BatteryLevel[]> units = batteries;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return units.size() >= 2;
            }

            @Override
            public Move<VppSolution> next() {
                if (units.size() < 2) throw new NoSuchElementException();
                for (int attempt = 0; attempt < 8; attempt++) {
                    Move<VppSolution> move = draw(units, random);
                    if (move != null) return move;
                }
                return ValueChanges.ofBatteries("PairedLevels", List.of(), List.of());
            }
        };
    }

    /** Levels are indexed by slot + 1 (index 0: the pinned initial level). */
    static Move<VppSolution> draw(List<BatteryLevel[]> units, RandomGenerator random) {
        BatteryLevel[] a = units.get(random.nextInt(units.size()));
        int n = a.length - 1;
        int t = random.nextInt(n);
        BatteryFact fa = a[0].battery;
        int la = a[t + 1].level + (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(2));
        if (la < 0 || la >= fa.levelCount) return null;
        double change = fa.powerMw(a[t].level, la) - fa.powerMw(a[t].level, a[t + 1].level);
        BatteryLevel[] best = null;
        int bestLevel = -1;
        double bestRest = Math.abs(change);
        for (int tries = 0; tries < 16; tries++) {
            BatteryLevel[] b = units.get(random.nextInt(units.size()));
            if (b == a) continue;
            BatteryFact fb = b[0].battery;
            for (int d = -3; d <= 3; d++) {
                int lb = b[t + 1].level + d;
                if (d == 0 || lb < 0 || lb >= fb.levelCount) continue;
                double rest = Math.abs(change + fb.powerMw(b[t].level, lb) - fb.powerMw(b[t].level, b[t + 1].level));
                if (rest < bestRest - 1e-12) {
                    bestRest = rest;
                    best = b;
                    bestLevel = lb;
                }
            }
        }
        if (best == null) return null;
        return ValueChanges.ofBatteries("PairedLevels", List.of(a[t + 1], best[t + 1]), List.of(la, bestLevel));
    }

    private void index(VppSolution solution) {
        if (solution == indexed) return;
        int n = 0;
        for (BatteryLevel level : solution.batteryLevels) n = Math.max(n, level.slot + 1);
        Map<BatteryFact, BatteryLevel[]> arrays = new LinkedHashMap<>();
        for (BatteryLevel level : solution.batteryLevels) {
            int slots = n;
            arrays.computeIfAbsent(level.battery, k -> new BatteryLevel[slots + 1])[level.slot + 1] = level;
        }
        batteries = List.copyOf(new ArrayList<>(arrays.values()));
        indexed = solution;
    }
}
