package org.vpp.optimizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vpp.optimizer.model.Commitment;
import org.vpp.optimizer.model.GridNode;
import org.vpp.optimizer.model.Problem;

/**
 * A problem cut into parts that nothing couples: assets behind one grid node stay together (their connection limit
 * and the node's commitments bind them), a commitment of the whole fleet or block products (one quantity of the whole
 * fleet per block) keep everything in one part, and every
 * other asset is free. The groups are dealt into at most {@code maxParts} parts, largest group first into the part
 * with the fewest assets (ties: the lowest index), so the cut depends on the problem and {@code maxParts} only, never on
 * how many threads then solve the parts.
 */
final class IndependentParts {

    private IndependentParts() {
    }

    static List<Problem> of(Problem problem, int maxParts) {
        List<String> ids = problem.assetIds();
        if (maxParts <= 1 || ids.size() < 2 || problem.blocks().active()
                || problem.commitments().stream().anyMatch(c -> c.nodeId().isEmpty())
                || problem.nodes().stream().anyMatch(n -> n.assetIds().isEmpty())) {
            return List.of(problem);
        }
        Map<String, String> parent = new HashMap<>();
        ids.forEach(id -> parent.put(id, id));
        for (GridNode node : problem.nodes()) {
            String first = null;
            for (String id : node.assetIds().stream().sorted().toList()) {
                if (first == null) first = id;
                else union(parent, first, id);
            }
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String id : ids) groups.computeIfAbsent(find(parent, id), k -> new ArrayList<>()).add(id);
        if (groups.size() < 2) return List.of(problem);

        int parts = Math.min(maxParts, groups.size());
        List<Set<String>> bins = new ArrayList<>();
        for (int i = 0; i < parts; i++) bins.add(new HashSet<>());
        List<List<String>> bySize = new ArrayList<>(groups.values());
        bySize.sort(Comparator.comparingInt((List<String> g) -> -g.size()));  // stable: equal sizes keep the id order
        for (List<String> group : bySize) {
            int smallest = 0;
            for (int i = 1; i < parts; i++) if (bins.get(i).size() < bins.get(smallest).size()) smallest = i;
            bins.get(smallest).addAll(group);
        }
        List<Problem> result = new ArrayList<>(parts);
        for (Set<String> bin : bins) result.add(part(problem, bin));
        return result;
    }

    private static Problem part(Problem problem, Set<String> ids) {
        List<GridNode> nodes = problem.nodes().stream().filter(n -> ids.containsAll(n.assetIds())).toList();
        Set<String> nodeIds = new HashSet<>();
        nodes.forEach(n -> nodeIds.add(n.id()));
        List<Commitment> commitments = problem.commitments().stream()
                .filter(c -> c.nodeId().map(nodeIds::contains).orElse(false)).toList();
        return new Problem(problem.horizon(), problem.prices(),
                problem.batteries().stream().filter(b -> ids.contains(b.id())).toList(),
                problem.renewables().stream().filter(r -> ids.contains(r.id())).toList(),
                problem.generators().stream().filter(g -> ids.contains(g.id())).toList(),
                problem.loads().stream().filter(l -> ids.contains(l.id())).toList(),
                problem.evSessions().stream().filter(e -> ids.contains(e.id())).toList(),
                nodes, commitments);
    }

    private static String find(Map<String, String> parent, String id) {
        String root = id;
        while (!parent.get(root).equals(root)) root = parent.get(root);
        parent.put(id, root);
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            if (ra.compareTo(rb) < 0) parent.put(rb, ra);
            else parent.put(ra, rb);
        }
    }
}
