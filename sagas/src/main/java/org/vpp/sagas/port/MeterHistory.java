package org.vpp.sagas.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.vpp.kernel.TimeSeries;
import org.vpp.messages.asset.AssetId;

/** A device's metered power as a regular series: what forecasting learns from. A port: the telemetry store behind it. */
public interface MeterHistory {

    /**
     * The mean power (MW) of each {@code step} in {@code [from, to)}, from the first to the last slot with a reading;
     * slots without readings in between take the value before them and are counted in {@link Slots#filledSlots()}.
     *
     * @return empty when the device has no reading in the window
     */
    Optional<Slots> slotMeans(AssetId device, Instant from, Instant to, Duration step);

    /** @param filledSlots slots of {@code series} that had no reading and were filled */
    record Slots(TimeSeries series, int filledSlots) {
    }
}
