package org.vpp.optimizer.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Everything the optimizer needs for one delivery horizon. Power sign: positive = export/discharge. {@code blocks}: the
 * market's block products, when it trades the fleet's position in blocks of slots ({@link BlockProducts#NONE}: not).
 */
public record Problem(
        Horizon horizon,
        Prices prices,
        List<Battery> batteries,
        List<Renewable> renewables,
        List<Generator> generators,
        List<FlexibleLoad> loads,
        List<EvSession> evSessions,
        List<GridNode> nodes,
        List<Commitment> commitments,
        BlockProducts blocks) {

    /** A problem whose market trades every slot on its own. */
    public Problem(Horizon horizon, Prices prices, List<Battery> batteries, List<Renewable> renewables,
                   List<Generator> generators, List<FlexibleLoad> loads, List<EvSession> evSessions, List<GridNode> nodes,
                   List<Commitment> commitments) {
        this(horizon, prices, batteries, renewables, generators, loads, evSessions, nodes, commitments, BlockProducts.NONE);
    }

    public Problem {
        if (blocks == null) {
            blocks = BlockProducts.NONE;
        }
        batteries = List.copyOf(batteries);
        renewables = List.copyOf(renewables);
        generators = List.copyOf(generators);
        loads = List.copyOf(loads);
        evSessions = List.copyOf(evSessions);
        nodes = List.copyOf(nodes);
        commitments = List.copyOf(commitments);
        int n = horizon.slotCount();
        if (prices.expectedEurPerMwh().size() != n) {
            throw new IllegalArgumentException("need one price per slot: " + n);
        }
        Set<String> ids = new HashSet<>();
        Stream.of(batteries.stream().map(Battery::id), renewables.stream().map(Renewable::id),
                        generators.stream().map(Generator::id), loads.stream().map(FlexibleLoad::id),
                        evSessions.stream().map(EvSession::id))
                .flatMap(s -> s)
                .forEach(id -> {
                    if (!ids.add(id)) {
                        throw new IllegalArgumentException("duplicate asset id " + id);
                    }
                });
        for (Renewable r : renewables) {
            if (r.forecastMw().size() != n) {
                throw new IllegalArgumentException("renewable " + r.id() + ": need one forecast per slot");
            }
        }
        for (FlexibleLoad l : loads) {
            if (l.minConsumptionMw().size() != n) {
                throw new IllegalArgumentException("flexible load " + l.id() + ": need bounds per slot");
            }
        }
        for (EvSession e : evSessions) {
            if (e.departureSlot() > n) {
                throw new IllegalArgumentException("EV session " + e.id() + ": departs after the horizon (slot "
                        + e.departureSlot() + " of " + n + "); give the need up to the horizon's end");
            }
        }
        Set<String> nodeIds = new HashSet<>();
        for (GridNode node : nodes) {
            if (!nodeIds.add(node.id())) {
                throw new IllegalArgumentException("duplicate node id " + node.id());
            }
            if (!ids.containsAll(node.assetIds())) {
                throw new IllegalArgumentException("node " + node.id() + " names unknown assets");
            }
        }
        for (Commitment c : commitments) {
            if (c.slot() >= n) {
                throw new IllegalArgumentException("commitment slot outside the horizon: " + c.slot());
            }
            if (c.nodeId().isPresent() && !nodeIds.contains(c.nodeId().get())) {
                throw new IllegalArgumentException("commitment names unknown node " + c.nodeId().get());
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("a problem needs at least one asset");
        }
    }

    /** A problem with batteries only, no grid nodes and no commitments. */
    public static Problem ofBatteries(Horizon horizon, Prices prices, List<Battery> batteries) {
        return new Problem(horizon, prices, batteries, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public Problem withNodes(List<GridNode> newNodes) {
        return new Problem(horizon, prices, batteries, renewables, generators, loads, evSessions, newNodes, commitments, blocks);
    }

    public Problem withCommitments(List<Commitment> newCommitments) {
        return new Problem(horizon, prices, batteries, renewables, generators, loads, evSessions, nodes, newCommitments, blocks);
    }

    public Problem withOthers(List<Renewable> newRenewables, List<Generator> newGenerators, List<FlexibleLoad> newLoads) {
        return new Problem(horizon, prices, batteries, newRenewables, newGenerators, newLoads, evSessions, nodes,
                commitments, blocks);
    }

    public Problem withEvSessions(List<EvSession> newSessions) {
        return new Problem(horizon, prices, batteries, renewables, generators, loads, newSessions, nodes, commitments,
                blocks);
    }

    public Problem withBlocks(BlockProducts newBlocks) {
        return new Problem(horizon, prices, batteries, renewables, generators, loads, evSessions, nodes, commitments,
                newBlocks);
    }

    /** The same horizon and prices with one battery only (for per-asset valuation). */
    public Problem withOnlyBattery(Battery battery) {
        return new Problem(horizon, prices, List.of(battery), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    /** Ids of all assets, in a stable order: batteries, renewables, generators, loads, EV sessions. */
    public List<String> assetIds() {
        return Stream.of(batteries.stream().map(Battery::id), renewables.stream().map(Renewable::id),
                generators.stream().map(Generator::id), loads.stream().map(FlexibleLoad::id),
                evSessions.stream().map(EvSession::id)).flatMap(s -> s).toList();
    }
}
