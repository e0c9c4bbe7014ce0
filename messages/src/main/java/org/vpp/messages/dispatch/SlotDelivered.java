package org.vpp.messages.dispatch;

import java.time.Instant;
import java.util.List;

import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.ContentReference;

/** What a slot delivered at the dispatch's node and its deviation from the target (delivered minus target). */
public record SlotDelivered(DispatchId dispatchId, Instant at, Instant slotStart, Megawatts target,
                            Megawatts delivered, Megawatts deviation, List<DeviationCause> causes,
                            ContentReference perAsset, int readings, int devicesWithoutReadings)
        implements DispatchEvent {

    public SlotDelivered {
        causes = List.copyOf(causes);
    }
}
