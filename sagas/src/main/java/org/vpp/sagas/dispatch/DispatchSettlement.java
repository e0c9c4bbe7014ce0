package org.vpp.sagas.dispatch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vpp.messages.dispatch.DispatchKind;
import org.vpp.messages.dispatch.NodeSettlement;
import org.vpp.messages.dispatch.SlotSettlement;

/**
 * A dispatch's money, from its measured slots and their prices. Pure. With h the slot length in hours, per slot:
 * <ul>
 *   <li><b>MARKET</b>: revenue = delivered MWh x clearing price; imbalance = (delivered - target) MWh x (imbalance
 *       price - clearing price). Together: target x clearing + deviation x imbalance price, the single-price
 *       settlement: what cleared is paid at the clearing price, every MWh off it at the imbalance price (a shortfall
 *       when the system is short costs more than it earned, an excess when it is long earns less).</li>
 *   <li><b>MANUAL</b>: revenue = delivered MWh x imbalance price, an activation paid at the balancing price; no
 *       imbalance of its own.</li>
 * </ul>
 * Each slot's amounts are rounded half-even to the cent, and the totals are the sums of the rounded slots, so an
 * auditor re-adds them to the cent. The arithmetic is exact in decimal (the doubles' decimal values, one rounding per
 * amount), so a half cent rounds as written and not as the binary fraction next to it.
 *
 * <p>Per device, the same rule on its own power: revenue = its delivered energy at the clearing price (MANUAL: the
 * imbalance price), imbalance (MARKET only) = its deviation from its expected power (the setpoint sent, else the
 * plan's power for the slot) at the imbalance spread; summed over the slots and rounded once. Per group, the sums of
 * the devices beneath it; the dispatch's node also carries what no device accounts for, so that its amounts are the
 * dispatch's totals exactly: in revenue the perimeter correction (manual deltas that were another dispatch's
 * delivery), in imbalance the deviation no device caused (a target the plan could not cover), in both the cents of
 * rounding per slot rather than per device. Its delivered energy is likewise the dispatch's.
 */
public final class DispatchSettlement {

    public static final String MARKET_PRICING =
            "day-ahead clearing price for delivered energy; deviations at the single imbalance price";
    public static final String MANUAL_PRICING = "delivered activation at the imbalance price";

    private static final BigDecimal NANOS_PER_HOUR = BigDecimal.valueOf(3_600_000_000_000L);
    private static final BigDecimal NO_MONEY = BigDecimal.ZERO.setScale(2);

    private DispatchSettlement() {
    }

    /**
     * @param slots        the measured slots, in time order
     * @param groups       every group of the plan, in the plan's order
     * @param devices      every device of the plan, in the plan's order
     * @param revenueEur   the sum of the slots' revenues
     * @param imbalanceEur the sum of the slots' imbalances
     * @param pricing      how the dispatch was priced, in a line
     */
    public record Settled(List<SlotSettlement> slots, List<NodeSettlement> groups, List<NodeSettlement> devices,
                          BigDecimal revenueEur, BigDecimal imbalanceEur, String pricing) {

        public Settled {
            slots = List.copyOf(slots);
            groups = List.copyOf(groups);
            devices = List.copyOf(devices);
        }
    }

    /**
     * @param measured the slots that were measured (fewer than the plan's when a manual dispatch was cancelled)
     * @param prices   the prices of at least every measured slot, matched by start
     * @throws IllegalArgumentException when a measured slot has no price or is not a slot of the plan
     */
    public static Settled settle(DispatchPlan plan, List<SlotMeasurement> measured, List<SlotPrice> prices) {
        boolean manual = plan.kind() == DispatchKind.MANUAL;
        BigDecimal slotNanos = BigDecimal.valueOf(plan.slotLength().toNanos());
        double hours = plan.slotLength().toNanos() / 3_600_000_000_000.0;
        Map<Instant, SlotPrice> priceAt = new HashMap<>();
        prices.forEach(p -> priceAt.put(p.start(), p));

        Map<String, DeviceSums> perDevice = new LinkedHashMap<>();
        plan.devices().forEach(d -> perDevice.put(d.id(), new DeviceSums()));
        List<SlotSettlement> slots = new ArrayList<>();
        BigDecimal revenue = NO_MONEY;
        BigDecimal imbalance = NO_MONEY;
        double deliveredMwh = 0;
        for (SlotMeasurement m : measured.stream().sorted(Comparator.comparing(SlotMeasurement::start)).toList()) {
            int slot = slotIndex(plan, m.start());
            SlotPrice price = priceAt.get(m.start());
            if (price == null) throw new IllegalArgumentException("no settlement price for the slot at " + m.start());
            BigDecimal clearing = decimal(price.clearingEurPerMwh());
            BigDecimal imbalancePrice = decimal(price.imbalanceEurPerMwh());
            BigDecimal energyPrice = manual ? imbalancePrice : clearing;
            BigDecimal spread = imbalancePrice.subtract(clearing);

            BigDecimal slotRevenue = euros(decimal(m.deliveredMw()).multiply(energyPrice), slotNanos);
            BigDecimal slotImbalance = manual ? NO_MONEY
                    : euros(decimal(m.deliveredMw()).subtract(decimal(m.targetMw())).multiply(spread), slotNanos);
            double targetMwh = m.targetMw() * hours;
            double slotMwh = m.deliveredMw() * hours;
            slots.add(new SlotSettlement(m.start(), targetMwh, slotMwh, slotMwh - targetMwh,
                    price.clearingEurPerMwh(), price.imbalanceEurPerMwh(), price.systemDirection(), slotRevenue,
                    slotImbalance));
            revenue = revenue.add(slotRevenue);
            imbalance = imbalance.add(slotImbalance);
            deliveredMwh += slotMwh;

            for (DispatchDevice device : plan.devices()) {
                String id = device.id();
                double powerMw = m.perAssetMw().getOrDefault(id, 0.0);
                Double sent = m.sentMw().get(id);
                double expectedMw = sent != null ? sent : plan.power(id, slot);
                DeviceSums sums = perDevice.get(id);
                sums.deliveredMwh += powerMw * hours;
                sums.revenue = sums.revenue.add(decimal(powerMw).multiply(energyPrice));
                if (!manual) {
                    sums.imbalance = sums.imbalance.add(
                            decimal(powerMw).subtract(decimal(expectedMw)).multiply(spread));
                }
            }
        }

        List<NodeSettlement> devices = new ArrayList<>();
        for (DispatchDevice device : plan.devices()) {
            DeviceSums sums = perDevice.get(device.id());
            devices.add(new NodeSettlement(device.id(), device.kind().name(),
                    device.groups().isEmpty() ? null : device.groups().getFirst(), sums.deliveredMwh,
                    euros(sums.revenue, slotNanos), euros(sums.imbalance, slotNanos)));
        }
        List<NodeSettlement> groups = groups(plan, devices, deliveredMwh, revenue, imbalance);
        return new Settled(slots, groups, devices, revenue, imbalance, manual ? MANUAL_PRICING : MARKET_PRICING);
    }

    private static List<NodeSettlement> groups(DispatchPlan plan, List<NodeSettlement> devices, double deliveredMwh,
                                               BigDecimal revenue, BigDecimal imbalance) {
        if (plan.groups().stream().noneMatch(g -> g.id().equals(plan.nodeId()))) {
            throw new IllegalArgumentException("the dispatch's node " + plan.nodeId()
                    + " is not among its plan's groups, so nothing can carry what no device accounts for");
        }
        List<NodeSettlement> groups = new ArrayList<>();
        for (GridGroup group : plan.groups()) {
            String kind = group.kind() == null ? null : group.kind().name();
            if (group.id().equals(plan.nodeId())) {
                groups.add(new NodeSettlement(group.id(), kind, group.parentId(), deliveredMwh, revenue, imbalance));
                continue;
            }
            double groupMwh = 0;
            BigDecimal groupRevenue = NO_MONEY;
            BigDecimal groupImbalance = NO_MONEY;
            for (int i = 0; i < devices.size(); i++) {
                if (!plan.devices().get(i).groups().contains(group.id())) continue;
                NodeSettlement device = devices.get(i);
                groupMwh += device.deliveredMwh();
                groupRevenue = groupRevenue.add(device.revenueEur());
                groupImbalance = groupImbalance.add(device.imbalanceEur());
            }
            groups.add(new NodeSettlement(group.id(), kind, group.parentId(), groupMwh, groupRevenue, groupImbalance));
        }
        return groups;
    }

    /** The slot a measured start is, refused when it is none of the plan's. */
    private static int slotIndex(DispatchPlan plan, Instant start) {
        Duration offset = Duration.between(plan.start(), start);
        long length = plan.slotLength().toNanos();
        long nanos = offset.toNanos();
        if (offset.isNegative() || nanos % length != 0 || nanos / length >= plan.slotCount()) {
            throw new IllegalArgumentException("the measured slot at " + start + " is not a slot of the plan");
        }
        return (int) (nanos / length);
    }

    /** MW x EUR/MWh held for the slot's nanoseconds, in euros rounded half-even to the cent: one rounding. */
    private static BigDecimal euros(BigDecimal mwTimesEurPerMwh, BigDecimal slotNanos) {
        return mwTimesEurPerMwh.multiply(slotNanos).divide(NANOS_PER_HOUR, 2, RoundingMode.HALF_EVEN);
    }

    /** A double's decimal value as written (0.1 is 0.1, not the binary fraction nearest it). */
    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value);
    }

    /** A device's running sums: energy, and MW x EUR/MWh products left unrounded until the end. */
    private static final class DeviceSums {
        double deliveredMwh;
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal imbalance = BigDecimal.ZERO;
    }
}
