package org.vpp.sagas.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.ReportTelemetryLost;
import org.vpp.messages.asset.ReportTelemetryRestored;
import org.vpp.sagas.clock.ClockProcess;
import org.vpp.sagas.port.DeviceHealthSource;

/**
 * Turns what telemetry says into commands on the assets: silence longer than {@code offlineAfter} or a device's own
 * "unavailable" takes it OFFLINE; fresh available readings bring it back. Runs after every ingestion for the devices
 * that reported, and, as a process on the application clock, every {@code checkEvery} for all, to notice silence.
 */
public class TelemetryWatchdog implements ClockProcess {

    private static final Logger log = LoggerFactory.getLogger(TelemetryWatchdog.class);

    private final DeviceHealthSource devices;
    private final CommandGateway commands;
    private final InstantSource clock;
    private final Duration offlineAfter;
    private final Duration checkEvery;
    private volatile Instant lastCheck;

    public TelemetryWatchdog(DeviceHealthSource devices, CommandGateway commands, InstantSource clock,
                             Duration offlineAfter, Duration checkEvery) {
        this.devices = devices;
        this.commands = commands;
        this.clock = clock;
        this.offlineAfter = offlineAfter;
        this.checkEvery = checkEvery;
    }

    @Override
    public String name() {
        return "telemetry-watchdog";
    }

    /** Checks every device when {@code checkEvery} has passed on the clock since the last check. */
    @Override
    public void runDue(Instant now) {
        if (lastCheck != null && now.isBefore(lastCheck.plus(checkEvery))) return;
        lastCheck = now;
        check(null, now);
    }

    /** Checks every device now. */
    public List<HealthAction> checkAll() {
        return check(null, clock.instant());
    }

    public void afterIngest(Collection<AssetId> reported) {
        if (!reported.isEmpty()) check(reported, clock.instant());
    }

    /**
     * @param only the devices to judge, or null for all
     * @return the actions taken
     */
    public List<HealthAction> check(Collection<AssetId> only, Instant now) {
        List<HealthAction> actions = TelemetryHealthPolicy.assess(devices.devicesToWatch(only), now, offlineAfter);
        for (HealthAction action : actions) {
            Object command = switch (action) {
                case HealthAction.Lost lost -> new ReportTelemetryLost(lost.assetId(), lost.cause(), lost.lastSeen(), now);
                case HealthAction.Restored restored -> new ReportTelemetryRestored(restored.assetId(), restored.readingAt());
            };
            try {
                commands.sendAndWait(command);
            } catch (CommandExecutionException e) {
                // The read model lagged the aggregate (e.g. decommissioned meanwhile); the aggregate had the last word.
                log.debug("Telemetry watchdog: {} refused: {}", command, e.getMessage());
            }
        }
        return actions;
    }
}
