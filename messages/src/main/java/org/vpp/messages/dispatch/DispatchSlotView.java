package org.vpp.messages.dispatch;

import java.time.Instant;
import java.util.List;

import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.ContentReference;

/**
 * One slot of a dispatch at its node, filled in as it happens: planned, dispatched, measured. Each step's values
 * are null (its lists empty) until that step has happened.
 *
 * @param target                 the power promised (positive = injection)
 * @param clearingPrice          the market's price for the slot; null for a manual dispatch
 * @param dispatchedAt           when its setpoints went out
 * @param setpointsSent          how many setpoints went out
 * @param shortfalls             devices foreseen to miss their setpoints, and why
 * @param redispatches           power moved from those devices to others with headroom
 * @param uncovered              what no device could cover
 * @param measuredAt             when its delivery was measured
 * @param delivered              the mean power measured at the node
 * @param deviation              delivered minus target
 * @param causes                 the largest parts of the deviation and their causes
 * @param readings               how many readings the measurement used
 * @param devicesWithoutReadings devices with a setpoint and no reading in the slot
 * @param perAsset               each device's measured power, stored as content
 */
public record DispatchSlotView(Instant start, Megawatts target, EurPerMwh clearingPrice, Instant dispatchedAt,
                               Integer setpointsSent, List<Shortfall> shortfalls, List<Redispatch> redispatches,
                               Megawatts uncovered, Instant measuredAt, Megawatts delivered, Megawatts deviation,
                               List<DeviationCause> causes, Integer readings, Integer devicesWithoutReadings,
                               ContentReference perAsset) {

    public DispatchSlotView {
        shortfalls = List.copyOf(shortfalls);
        redispatches = List.copyOf(redispatches);
        causes = List.copyOf(causes);
    }
}
