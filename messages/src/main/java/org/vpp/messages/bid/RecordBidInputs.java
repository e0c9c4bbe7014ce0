package org.vpp.messages.bid;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record the inputs a cycle will plan from. The snapshot and device forecasts are stored before this is sent and
 * only referenced here; the fleet's flexibility per slot, small and decisive for the bid, travels in full.
 *
 * @param deviceForecasts a manifest of every device's forecast id and model, stored once
 * @param flexibility     one entry per delivery slot, in order
 */
public record RecordBidInputs(
        @TargetAggregateIdentifier BidId bidId,
        Instant fetchedAt,
        ContentReference fleetSnapshot,
        int deviceCount,
        ForecastReference priceForecast,
        ContentReference deviceForecasts,
        List<SlotFlexibility> flexibility) {
}
