package org.vpp.sagas.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
 * <p>
 * The devices an ingestion reported are judged on {@code judgeReported}, never on the ingesting thread: a burst of
 * returning devices is thousands of commands, and a writer of telemetry kept waiting for them falls behind, which
 * makes the watchdog find more devices silent (the feedback loop the 10,000-device soak measured). Reported devices
 * waiting to be judged are coalesced into one set, so a backlog is one look at the devices' newest state, not one
 * per batch; the judgement reads the telemetry store when it runs, so it is never made on a stale view.
 */
public class TelemetryWatchdog implements ClockProcess, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelemetryWatchdog.class);

    private final DeviceHealthSource devices;
    private final CommandGateway commands;
    private final InstantSource clock;
    private final Duration offlineAfter;
    private final Duration checkEvery;
    private final Executor judgeReported;
    private final Set<AssetId> reported = ConcurrentHashMap.newKeySet();
    /** A judgement is queued and has not started taking the reported devices: the next report needs none more. */
    private final AtomicBoolean queued = new AtomicBoolean();
    /** Judgements queued or running. */
    private final AtomicInteger judging = new AtomicInteger();
    private volatile Instant lastCheck;

    /**
     * @param judgeReported where the devices an ingestion reported are judged: one thread of its own in the application
     *                      ({@code Runnable::run} judges them on the ingesting thread, as a test may want); an
     *                      {@link ExecutorService} given here is the watchdog's, and {@link #close()} stops it
     */
    public TelemetryWatchdog(DeviceHealthSource devices, CommandGateway commands, InstantSource clock,
                             Duration offlineAfter, Duration checkEvery, Executor judgeReported) {
        this.judgeReported = judgeReported;
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

    /** Queues the devices that just reported for a judgement of their own; returns at once. */
    public void afterIngest(Collection<AssetId> assets) {
        if (assets.isEmpty()) return;
        reported.addAll(assets);
        // One judgement queued at a time: it takes every device reported until it starts.
        if (!queued.compareAndSet(false, true)) return;
        judging.incrementAndGet();
        try {
            judgeReported.execute(this::judgeReported);
        } catch (RejectedExecutionException e) {
            // Shutting down: the next start's full check judges every device from the stored readings.
            judging.decrementAndGet();
            queued.set(false);
        }
    }

    private void judgeReported() {
        queued.set(false);
        try {
            List<AssetId> batch = new ArrayList<>(reported);
            reported.removeAll(batch);
            if (!batch.isEmpty()) check(batch, clock.instant());
        } catch (RuntimeException e) {
            // The next ingestion of these devices, or the next full check, judges them again.
            log.warn("Telemetry watchdog: judging reported devices failed: {}", e.toString());
        } finally {
            judging.decrementAndGet();
        }
    }

    /**
     * Stops judging reported devices: a judgement cut short is made again by the next start's full check, which reads
     * the stored readings.
     */
    @Override
    public void close() {
        if (judgeReported instanceof ExecutorService executor) executor.shutdownNow();
    }

    /** True when no reported device waits to be judged (tests await it after an ingestion). */
    public boolean idle() {
        return judging.get() == 0 && reported.isEmpty();
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
