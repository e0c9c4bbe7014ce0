package org.vpp.sagas.clock;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one scheduling mechanism of the application's processes. Each process has a lane of its own (one thread), so a
 * long forecast training never delays the telemetry watchdog; {@link #runDue()} offers every idle lane a pass at the
 * clock's current instant. A test steps its clock and calls {@code runDue().join()}; the running application calls it
 * every {@code pollEvery} of real time from one background thread ({@link #start}). That poll is the only use of
 * real time: what is due is decided on the application clock, simulated or not.
 * <p>
 * {@link #stop} ends the poll, lets passes in progress finish (bounded), and only then returns, so the application can
 * stop its buses after its processes: a pass never sends a command to a bus that is gone.
 */
public final class ProcessDriver {

    private static final Logger log = LoggerFactory.getLogger(ProcessDriver.class);

    /** The process whose pass runs on this thread: what a command's author is when no person sent it. */
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private final InstantSource clock;
    private final Map<ClockProcess, Lane> lanes = new LinkedHashMap<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private ScheduledExecutorService poll;

    public ProcessDriver(InstantSource clock, List<? extends ClockProcess> processes) {
        this.clock = clock;
        for (ClockProcess p : processes) lanes.put(p, new Lane(p));
    }

    /** Offers every process whose previous pass has ended a pass at the clock's instant; completes when those passes end. */
    public CompletableFuture<Void> runDue() {
        if (stopped.get()) return CompletableFuture.completedFuture(null);
        var now = clock.instant();
        List<CompletableFuture<?>> passes = new ArrayList<>();
        for (Lane lane : lanes.values()) passes.add(lane.offer(now));
        return CompletableFuture.allOf(passes.toArray(CompletableFuture[]::new));
    }

    /** Polls the clock every {@code pollEvery} of real time until {@link #stop}. */
    public synchronized void start(Duration pollEvery) {
        if (poll != null || stopped.get()) return;
        poll = Executors.newSingleThreadScheduledExecutor(daemon("process-driver"));
        long millis = Math.max(1, pollEvery.toMillis());
        poll.scheduleWithFixedDelay(this::runDue, millis, millis, TimeUnit.MILLISECONDS);
        log.info("Processes {} run on the application clock, looked at every {}", names(), pollEvery);
    }

    /** The name of the process whose pass is running on the calling thread, if any. */
    public static java.util.Optional<String> currentProcess() {
        return java.util.Optional.ofNullable(CURRENT.get());
    }

    /**
     * The work, run as the process whose pass is on the calling thread (if any): for a process that hands its work to
     * threads of its own, so what they send is still the process's.
     */
    public static <T> java.util.function.Supplier<T> onBehalfOfCurrent(java.util.function.Supplier<T> work) {
        String process = CURRENT.get();
        if (process == null) return work;
        return () -> {
            String before = CURRENT.get();
            CURRENT.set(process);
            try {
                return work.get();
            } finally {
                if (before == null) CURRENT.remove();
                else CURRENT.set(before);
            }
        };
    }

    public boolean running() {
        return poll != null && !stopped.get();
    }

    /** Stops polling, asks each process to start nothing new, and waits up to {@code grace} for passes in progress. */
    public synchronized void stop(Duration grace) {
        if (!stopped.compareAndSet(false, true)) return;
        if (poll != null) poll.shutdownNow();
        lanes.keySet().forEach(ClockProcess::stopAccepting);
        long deadline = System.nanoTime() + grace.toNanos();
        for (Lane lane : lanes.values()) {
            lane.thread.shutdown();
            try {
                if (!lane.thread.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    log.warn("Process {} did not finish within {}; interrupting it", lane.process.name(), grace);
                    lane.thread.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lane.thread.shutdownNow();
            }
        }
        log.info("Processes {} stopped", names());
    }

    private List<String> names() {
        return lanes.keySet().stream().map(ClockProcess::name).toList();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** One process's thread and its pass in progress, if any. */
    private static final class Lane {
        final ClockProcess process;
        final ExecutorService thread;
        private CompletableFuture<Void> current = CompletableFuture.completedFuture(null);

        Lane(ClockProcess process) {
            this.process = process;
            this.thread = Executors.newSingleThreadExecutor(daemon("process-" + process.name()));
        }

        synchronized CompletableFuture<Void> offer(java.time.Instant now) {
            if (!current.isDone()) return current;
            try {
                current = CompletableFuture.runAsync(() -> {
                    CURRENT.set(process.name());
                    try {
                        process.runDue(now);
                    } catch (RuntimeException e) {
                        log.warn("Process {} failed at {}", process.name(), now, e);
                    } finally {
                        CURRENT.remove();
                    }
                }, thread);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                return CompletableFuture.completedFuture(null);
            }
            return current;
        }
    }
}
