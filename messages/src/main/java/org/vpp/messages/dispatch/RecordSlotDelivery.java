package org.vpp.messages.dispatch;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.ContentReference;

/**
 * Record what one slot delivered, measured from telemetry: the mean power at the dispatch's node, the largest
 * causes of its deviation, and each device's mean power stored as content ({@code perAsset}).
 */
public record RecordSlotDelivery(
        @TargetAggregateIdentifier DispatchId dispatchId,
        Instant at,
        Instant slotStart,
        Megawatts delivered,
        List<DeviationCause> causes,
        ContentReference perAsset,
        int readings,
        int devicesWithoutReadings) {

    public RecordSlotDelivery {
        causes = causes == null ? null : List.copyOf(causes);
    }
}
