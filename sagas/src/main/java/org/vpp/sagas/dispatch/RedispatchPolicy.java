package org.vpp.sagas.dispatch;

import static org.vpp.sagas.dispatch.MeritOrderAllocation.EPSILON_MW;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.vpp.kernel.AssetKind;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.dispatch.Redispatch;
import org.vpp.messages.dispatch.Shortfall;
import org.vpp.messages.dispatch.ShortfallCause;

/**
 * Moves what short devices will miss in a slot to devices that can deliver it, nearest in the tree first. Pure and
 * deterministic.
 *
 * <p>The rule:
 * <ol>
 *   <li>every short device is expected to deliver its setpoint less what it misses (an OFFLINE device nothing), and
 *       the groups above it see their net change accordingly. The setpoint it is sent drops to that too, except for
 *       PV and wind: their setpoint is a cap on what the weather gives (curtailment), so lowering it cannot make them
 *       deliver more and would throw away whatever the weather gives above the guess. They keep their cap. (Lowering it
 *       to their last power once held every PV plant at its pre-dawn 0 MW for a whole delivery day: each slot's
 *       "last power" was the previous slot's cap.);</li>
 *   <li>shortfalls are covered one at a time, the largest (by |missing|) first, then by asset id;</li>
 *   <li>candidates are the controllable devices of the plan that are online, available, not short themselves and
 *       share a group with the short device; they are taken, one at a time, by (a) the nearest group they share with
 *       it (its index in the short device's {@link DispatchDevice#groups()}: site before region before portfolio),
 *       (b) merit: the cheapest marginal cost first for a missing injection, the dearest first for a missing
 *       consumption (whose output is worth reducing), (c) the larger headroom, (d) asset id. Nearness comes before
 *       cost because power moved within a site or region loads no grid connection above it;</li>
 *   <li>a candidate's headroom is {@link Headroom} from its current setpoint in the need's direction, within its ramp
 *       from its setpoint before any move (moves for several shortfalls add up against one ramp), and within the grid
 *       connection of every group on its path below the shared group: a group of net N and limit L takes at most
 *       {@code L - N} more injection and {@code L + N} more consumption. The shared group and those above it keep
 *       their net, as the move only returns what the short device lost. A net is the sum, over the plan's devices
 *       beneath the group, of their setpoint or (without one) their planned power;</li>
 *   <li>a candidate takes the smaller of what is left and its headroom, except a generator that is off (setpoint 0),
 *       which is skipped when that is below its minimum power; setpoints, nets and headrooms are updated after each
 *       move;</li>
 *   <li>what no candidate can take is {@code uncoveredMw}, signed like the shortfalls (positive: injection missing).</li>
 * </ol>
 * One {@link Redispatch} is reported per (short device, candidate) pair, with the power moved (signed like the
 * shortfall) and the kind of the shared group as its level ("SITE", "REGION", "PORTFOLIO"), in the order first moved.
 */
public final class RedispatchPolicy {

    private RedispatchPolicy() {
    }

    /** The slot's final absolute setpoints, the moves that made them, and what could not be covered (MW, signed). */
    public record Covered(Map<String, Double> setpointsMw, List<Redispatch> redispatches, double uncoveredMw) {

        public Covered {
            setpointsMw = Collections.unmodifiableMap(new TreeMap<>(setpointsMw));
            redispatches = List.copyOf(redispatches);
        }
    }

    public static Covered cover(DispatchPlan plan, int slot, Map<String, Double> setpointsMw,
                                List<Shortfall> shortfalls, Map<String, DeviceCondition> conditions) {
        return new Cover(plan, slot, setpointsMw, conditions).run(shortfalls);
    }

    /** The working state of one call: setpoints, group nets and moves so far. */
    private static final class Cover {

        private final DispatchPlan plan;
        private final Map<String, DeviceCondition> conditions;
        private final Map<String, GridGroup> groups = new HashMap<>();
        private final Map<String, Double> setpoints;
        private final Map<String, Double> startSetpoints = new HashMap<>();
        private final Map<String, Double> nets = new HashMap<>();
        private final Set<String> shortIds = new HashSet<>();
        private final Map<List<String>, Double> moved = new LinkedHashMap<>();
        private final Map<List<String>, String> levels = new HashMap<>();

        Cover(DispatchPlan plan, int slot, Map<String, Double> setpointsMw, Map<String, DeviceCondition> conditions) {
            this.plan = plan;
            this.conditions = conditions;
            this.setpoints = new TreeMap<>(setpointsMw);
            plan.groups().forEach(g -> groups.put(g.id(), g));
            for (DispatchDevice d : plan.devices()) {
                startSetpoints.put(d.id(), setpoints.getOrDefault(d.id(), plan.power(d.id(), slot)));
            }
        }

        Covered run(List<Shortfall> shortfalls) {
            Map<String, Double> expected = new HashMap<>();
            for (Shortfall s : shortfalls) {
                DispatchDevice device = device(s.assetId());
                shortIds.add(device.id());
                double current = setpointOf(device.id());
                double delivers = s.cause() == ShortfallCause.OFFLINE ? 0 : current - s.missing().value();
                expected.put(device.id(), delivers);
                if (!isCap(device.kind())) setpoints.put(device.id(), delivers);
            }
            for (DispatchDevice d : plan.devices()) {
                double power = expected.getOrDefault(d.id(), setpointOf(d.id()));
                d.groups().forEach(g -> nets.merge(g, power, Double::sum));
            }
            double uncovered = 0;
            List<Shortfall> largestFirst = shortfalls.stream()
                    .sorted(Comparator.comparingDouble((Shortfall s) -> -Math.abs(s.missing().value()))
                            .thenComparing(Shortfall::assetId))
                    .toList();
            for (Shortfall s : largestFirst) {
                uncovered += coverOne(device(s.assetId()), s.missing().value());
            }
            List<Redispatch> redispatches = new ArrayList<>();
            moved.forEach((pair, power) -> redispatches.add(
                    new Redispatch(pair.get(0), pair.get(1), Megawatts.of(power), levels.get(pair))));
            return new Covered(setpoints, redispatches, uncovered);
        }

        /** Covers one shortfall as far as the candidates allow; returns what is left, signed like {@code need}. */
        private double coverOne(DispatchDevice from, double need) {
            double sign = Math.signum(need);
            double remaining = Math.abs(need);
            while (remaining > EPSILON_MW) {
                Option best = null;
                for (DispatchDevice candidate : plan.devices()) {
                    Option option = option(from, candidate, need, remaining);
                    if (option != null && (best == null || option.isBefore(best, need))) best = option;
                }
                if (best == null) break;
                double amount = Math.min(remaining, best.headroomMw());
                move(from, best, sign * amount);
                remaining -= amount;
            }
            return remaining > EPSILON_MW ? sign * remaining : 0;
        }

        /** The candidate as an option for this need, or null when it is none. */
        private Option option(DispatchDevice from, DispatchDevice candidate, double need, double remaining) {
            if (!candidate.controllable() || shortIds.contains(candidate.id())) return null;
            DeviceCondition condition = conditions.get(candidate.id());
            if (condition == null || !condition.online() || !condition.available()) return null;
            int shared = -1;
            for (int i = 0; i < from.groups().size() && shared < 0; i++) {
                if (candidate.groups().contains(from.groups().get(i))) shared = i;
            }
            if (shared < 0) return null;
            String sharedGroup = from.groups().get(shared);
            double headroom = Math.min(deviceHeadroom(candidate, condition, need),
                    gridRoom(candidate, sharedGroup, need));
            if (headroom <= EPSILON_MW) return null;
            double current = setpointOf(candidate.id());
            double minimum = candidate.kind() == AssetKind.GENERATOR && current <= EPSILON_MW && need > 0
                    ? Math.max(0, candidate.limits().minPowerOr(0)) : 0;
            if (Math.min(remaining, headroom) < minimum - EPSILON_MW) return null;
            return new Option(candidate, shared, group(sharedGroup).kind().name(), headroom);
        }

        /** Headroom from the current setpoint, within the ramp still left from the setpoint before any move. */
        private double deviceHeadroom(DispatchDevice candidate, DeviceCondition condition, double need) {
            double current = setpointOf(candidate.id());
            double headroom = Headroom.of(candidate, current, condition.soc(), plan.slotLength()).toward(need);
            double ramp = candidate.limits().rampRateOr(Double.POSITIVE_INFINITY) * plan.slotLength().toSeconds() / 60.0;
            double start = startSetpoints.get(candidate.id());
            double rampLeft = need >= 0 ? start + ramp - current : current - (start - ramp);
            return Math.max(0, Math.min(headroom, rampLeft));
        }

        /** The room left by the grid connections on the candidate's path below the group it shares. */
        private double gridRoom(DispatchDevice candidate, String sharedGroup, double need) {
            double room = Double.POSITIVE_INFINITY;
            for (String id : candidate.groups()) {
                if (id.equals(sharedGroup)) break;
                Double limit = group(id).gridLimitMw();
                if (limit == null) continue;
                double net = nets.getOrDefault(id, 0.0);
                room = Math.min(room, Math.max(0, need >= 0 ? limit - net : limit + net));
            }
            return room;
        }

        private void move(DispatchDevice from, Option to, double powerMw) {
            String id = to.device().id();
            setpoints.put(id, setpointOf(id) + powerMw);
            // Every group above the candidate gains; with the short device's loss already counted, the shared group
            // and those above it are back at their net before the shortfall.
            to.device().groups().forEach(g -> nets.merge(g, powerMw, Double::sum));
            List<String> pair = List.of(from.id(), id);
            moved.merge(pair, powerMw, Double::sum);
            levels.put(pair, to.level());
        }

        /** PV and wind take their setpoint as a cap on what the weather gives: curtailment, never a target. */
        private static boolean isCap(AssetKind kind) {
            return kind == AssetKind.PV || kind == AssetKind.WIND;
        }

        private double setpointOf(String id) {
            Double setpoint = setpoints.get(id);
            return setpoint != null ? setpoint : startSetpoints.getOrDefault(id, 0.0);
        }

        private DispatchDevice device(String id) {
            return plan.device(id)
                    .orElseThrow(() -> new IllegalArgumentException("a shortfall of " + id + ", which is not in the plan"));
        }

        private GridGroup group(String id) {
            GridGroup group = groups.get(id);
            if (group == null) throw new IllegalArgumentException("group " + id + " is above a device but not in the plan");
            return group;
        }
    }

    /** A candidate for one move: how near it is to the short device, at which level, and its headroom now. */
    private record Option(DispatchDevice device, int sharedIndex, String level, double headroomMw) {

        boolean isBefore(Option other, double need) {
            if (sharedIndex != other.sharedIndex) return sharedIndex < other.sharedIndex;
            double cost = device.marginalCostEurPerMwh();
            double otherCost = other.device.marginalCostEurPerMwh();
            if (cost != otherCost) return need >= 0 ? cost < otherCost : cost > otherCost;
            if (headroomMw != other.headroomMw) return headroomMw > other.headroomMw;
            return device.id().compareTo(other.device.id()) < 0;
        }
    }
}
