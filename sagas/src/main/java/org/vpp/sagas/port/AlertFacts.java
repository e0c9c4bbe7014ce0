package org.vpp.sagas.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vpp.messages.alert.AlertId;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.BidStatus;

/**
 * What the alert watch looks at: the state of the fleet, the bidding, the dispatches and the event processors, as the
 * read models and the processors show it now. A port: the read-model stores and Axon's processing configuration.
 */
public interface AlertFacts {

    /** Devices whose status is FAULT. */
    List<FaultedAsset> faultedAssets();

    /**
     * Per site, the devices expected to report (ONLINE, or OFFLINE by telemetry) and how many of them did since
     * {@code freshSince} (a device registered since then counts as reporting: it is not yet expected to).
     */
    List<SiteTelemetry> siteTelemetry(Instant freshSince);

    /** The bidding cycle of a delivery day, if one was opened. */
    Optional<CycleOutcome> cycle(BidId bid);

    /** When the zone's first bidding cycle was opened, if any was. */
    Optional<Instant> biddingSince(String zone);

    /** Each running dispatch's latest measured slot. */
    List<SlotDeviation> latestDeviations();

    /** Each zone's latest prepared schedule with a gap to the optimizer's bound. */
    List<ScheduleGap> latestGaps();

    /** How many events each streaming event processor is behind the event store's head. */
    Map<String, Long> processorLags();

    /** The alerts the read model shows as active. */
    List<AlertId> activeAlerts();

    record FaultedAsset(String assetId, String name, String reason) {
    }

    record SiteTelemetry(String siteId, String name, int expected, int reporting, Instant lastReadingAt) {
    }

    record CycleOutcome(BidStatus status, Instant submittedAt, String abortReason) {
    }

    record SlotDeviation(String dispatchId, Instant slotStart, double targetMw, double deliveredMw, double deviationMw) {
    }

    record ScheduleGap(String zone, String bidId, Instant preparedAt, double gap) {
    }
}
