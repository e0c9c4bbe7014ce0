package org.vpp.api.telemetry;

import java.time.InstantSource;
import java.util.Collection;
import java.util.List;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.vpp.api.config.VppProperties;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.ReportTelemetryLost;
import org.vpp.messages.asset.ReportTelemetryRestored;
import org.vpp.query.telemetry.HealthAction;
import org.vpp.query.telemetry.TelemetryHealthPolicy;
import org.vpp.query.telemetry.TelemetryStore;

/**
 * Turns what telemetry says into commands on the assets: silence longer than {@code vpp.telemetry.offline-after}
 * or a device's own "unavailable" takes it OFFLINE; fresh available readings bring it back. Runs after every
 * ingestion for the devices that reported, and periodically for all, to notice silence.
 */
@Component
public class TelemetryWatchdog {

    private static final Logger log = LoggerFactory.getLogger(TelemetryWatchdog.class);

    private final TelemetryStore store;
    private final CommandGateway commands;
    private final InstantSource clock;
    private final VppProperties properties;

    public TelemetryWatchdog(TelemetryStore store, CommandGateway commands, InstantSource clock, VppProperties properties) {
        this.store = store;
        this.commands = commands;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${vpp.telemetry.check-every}", initialDelayString = "${vpp.telemetry.check-every}")
    public void checkAll() {
        check(null);
    }

    public void afterIngest(Collection<AssetId> reported) {
        if (!reported.isEmpty()) check(reported);
    }

    /** @return the actions taken */
    public List<HealthAction> check(Collection<AssetId> only) {
        var now = clock.instant();
        List<HealthAction> actions = TelemetryHealthPolicy.assess(store.devicesToWatch(only), now,
                properties.telemetry().offlineAfter());
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
