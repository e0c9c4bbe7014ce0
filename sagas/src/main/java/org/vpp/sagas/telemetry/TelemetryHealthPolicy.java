package org.vpp.sagas.telemetry;

import org.vpp.messages.telemetry.DeviceHealth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.vpp.messages.asset.AssetStatus;
import org.vpp.messages.asset.StatusOrigin;
import org.vpp.messages.asset.TelemetryLossCause;

/**
 * When a device's telemetry says it is gone or back. A reading is fresh while its measurement time is within
 * {@code silentAfter} of now; a device that never reported is judged from its registration time. Only ONLINE
 * devices can be lost and only devices that telemetry took OFFLINE can be restored; the aggregate enforces the
 * same, this just avoids sending commands that would change nothing.
 */
public final class TelemetryHealthPolicy {

    private TelemetryHealthPolicy() {
    }

    public static List<HealthAction> assess(List<DeviceHealth> devices, Instant now, Duration silentAfter) {
        List<HealthAction> actions = new ArrayList<>();
        Instant freshSince = now.minus(silentAfter);
        for (DeviceHealth d : devices) {
            boolean fresh = d.lastReadingAt() != null && !d.lastReadingAt().isBefore(freshSince);
            if (d.status() == AssetStatus.ONLINE) {
                if (d.lastReadingAt() == null) {
                    if (d.registeredAt() != null && d.registeredAt().isBefore(freshSince)) {
                        actions.add(new HealthAction.Lost(d.id(), TelemetryLossCause.SILENT, null));
                    }
                } else if (!fresh) {
                    actions.add(new HealthAction.Lost(d.id(), TelemetryLossCause.SILENT, d.lastReadingAt()));
                } else if (Boolean.FALSE.equals(d.lastAvailable())) {
                    actions.add(new HealthAction.Lost(d.id(), TelemetryLossCause.DEVICE_UNAVAILABLE, d.lastReadingAt()));
                }
            } else if (d.status() == AssetStatus.OFFLINE && d.origin() == StatusOrigin.TELEMETRY
                    && fresh && Boolean.TRUE.equals(d.lastAvailable())) {
                actions.add(new HealthAction.Restored(d.id(), d.lastReadingAt()));
            }
        }
        return actions;
    }
}
