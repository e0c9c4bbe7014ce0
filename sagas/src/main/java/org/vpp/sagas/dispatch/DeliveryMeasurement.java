package org.vpp.sagas.dispatch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.vpp.kernel.AssetKind;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.dispatch.DeviationCause;
import org.vpp.messages.dispatch.DispatchKind;

/**
 * What one slot of a dispatch delivered at its node, from each device's metered mean power, and why it deviated from
 * the target. Pure.
 *
 * <p>Every device of the plan counts; a device without a reading in the slot delivered nothing (0) and is counted in
 * {@code devicesWithoutReadings}. A device's expected power is the setpoint it was sent, or, when none was sent, the
 * plan's power for the slot (a load's forecast, a planned setpoint that never went out).
 * <ul>
 *   <li><b>MARKET</b>: a device's power is its metered mean; the dispatch delivered their sum less
 *       {@code manualDeltasMw}, the deltas that manual dispatches added on top of this one's setpoints: that energy is
 *       the manual dispatch's delivery, not this one's (a correction of the perimeter). The setpoints sent are then
 *       the absolute ones, the deltas included.</li>
 *   <li><b>MANUAL</b>: a device's power is its metered mean less its base (the schedule's setpoint the delta adds
 *       to): what it delivered above its schedule, 0 without a reading; the dispatch delivered their sum, and
 *       {@code manualDeltasMw} does not apply. The setpoints sent are the deltas.</li>
 * </ul>
 *
 * <p>The causes of the deviation (delivered - target): each device whose power differs from its expected power by
 * more than {@value #EPSILON_MW} MW, largest difference first (ties by id), the first {@code maxCauses} named with a
 * short text, the rest summed as "N other devices"; then, when the expected powers themselves (less the manual deltas
 * for a market dispatch) miss the target, that difference as "the plan could not cover the target": the part of the
 * deviation already known when the setpoints went out. So the causes add up to the deviation.
 */
public final class DeliveryMeasurement {

    /** A difference below this is the arithmetic's noise, not a deviation. */
    public static final double EPSILON_MW = 1e-6;

    private DeliveryMeasurement() {
    }

    /**
     * @param deliveredMw            what the dispatch delivered at its node in the slot (mean MW)
     * @param causes                 the deviation's causes, largest first, the uncovered target last
     * @param perAssetMw             each device's mean power (MANUAL: above its base), in the plan's order
     * @param readings               how many readings the slot's means were taken from
     * @param devicesWithoutReadings devices that did not report in the slot (taken as delivering nothing)
     */
    public record Measured(double deliveredMw, List<DeviationCause> causes, Map<String, Double> perAssetMw,
                           int readings, int devicesWithoutReadings) {

        public Measured {
            causes = List.copyOf(causes);
            perAssetMw = Collections.unmodifiableMap(new LinkedHashMap<>(perAssetMw));
        }
    }

    /**
     * @param slot           the slot's index in the plan
     * @param sentMw         the setpoints the slot's devices were sent (MARKET: absolute; MANUAL: the deltas)
     * @param metered        the devices' mean metered power in the slot, by asset id; a device missing has no reading
     * @param manualDeltasMw the sum of the deltas manual dispatches added in the slot (MARKET only)
     * @param maxCauses      how many devices to name; the rest are summed
     */
    public static Measured measure(DispatchPlan plan, int slot, Map<String, Double> sentMw,
                                   Map<String, MeteredPower> metered, double manualDeltasMw, int maxCauses) {
        if (slot < 0 || slot >= plan.slotCount()) {
            throw new IllegalArgumentException("slot " + slot + " is not in the plan's " + plan.slotCount() + " slots");
        }
        if (maxCauses < 0) throw new IllegalArgumentException("maxCauses must not be negative: " + maxCauses);
        boolean manual = plan.kind() == DispatchKind.MANUAL;

        Map<String, Double> perAssetMw = new LinkedHashMap<>();
        List<DeviceDeviation> deviations = new ArrayList<>();
        double sumMw = 0;
        double sumExpectedMw = 0;
        int readings = 0;
        int withoutReadings = 0;
        for (DispatchDevice device : plan.devices()) {
            String id = device.id();
            MeteredPower reading = metered.get(id);
            double powerMw;
            if (reading == null) {
                powerMw = 0;
                withoutReadings++;
            } else {
                powerMw = manual ? reading.meanMw() - plan.base(id, slot) : reading.meanMw();
                readings += reading.readings();
            }
            Double sent = sentMw.get(id);
            double expectedMw = sent != null ? sent : plan.power(id, slot);
            perAssetMw.put(id, powerMw);
            sumMw += powerMw;
            sumExpectedMw += expectedMw;
            double deviationMw = powerMw - expectedMw;
            if (Math.abs(deviationMw) > EPSILON_MW) {
                deviations.add(new DeviceDeviation(device, deviationMw,
                        describe(device, reading != null, sent != null, manual, powerMw, expectedMw, deviationMw)));
            }
        }

        double perimeterMw = manual ? 0 : manualDeltasMw;
        double target = plan.targetMw()[slot];
        deviations.sort(Comparator.comparingDouble((DeviceDeviation d) -> -Math.abs(d.deviationMw()))
                .thenComparing(d -> d.device().id()));
        List<DeviationCause> causes = new ArrayList<>();
        for (DeviceDeviation d : deviations.subList(0, Math.min(maxCauses, deviations.size()))) {
            causes.add(new DeviationCause(d.device().id(), Megawatts.of(d.deviationMw()), d.cause()));
        }
        List<DeviceDeviation> others = deviations.subList(Math.min(maxCauses, deviations.size()), deviations.size());
        if (!others.isEmpty()) {
            double sum = others.stream().mapToDouble(DeviceDeviation::deviationMw).sum();
            causes.add(new DeviationCause(null, Megawatts.of(sum),
                    others.size() + (others.size() == 1 ? " other device" : " other devices")));
        }
        double uncoveredMw = sumExpectedMw - perimeterMw - target;
        if (Math.abs(uncoveredMw) > EPSILON_MW) {
            causes.add(new DeviationCause(null, Megawatts.of(uncoveredMw), "the plan could not cover the target"));
        }
        return new Measured(sumMw - perimeterMw, causes, perAssetMw, readings, withoutReadings);
    }

    private record DeviceDeviation(DispatchDevice device, double deviationMw, String cause) {
    }

    private static String describe(DispatchDevice device, boolean hasReading, boolean wasSent, boolean manual,
                                   double powerMw, double expectedMw, double deviationMw) {
        if (!hasReading) return "no reading in the slot";
        if (wasSent) {
            return "delivered " + mw(powerMw) + " MW of a " + mw(expectedMw) + " MW setpoint"
                    + (manual ? " above its schedule" : "");
        }
        String forecast = forecastName(device.kind());
        if (forecast != null) {
            return forecast + " " + mw(Math.abs(deviationMw)) + " MW " + (deviationMw > 0 ? "above" : "below")
                    + " its forecast";
        }
        return "delivered " + mw(powerMw) + " MW of a planned " + mw(expectedMw) + " MW, no setpoint sent";
    }

    /** The devices whose planned power without a setpoint is a forecast, by the name an operator reads. */
    private static String forecastName(AssetKind kind) {
        return switch (kind) {
            case PV -> "PV";
            case WIND -> "wind";
            case LOAD -> "load";
            case EV_CHARGER -> "EV charger";
            default -> null;
        };
    }

    private static String mw(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
