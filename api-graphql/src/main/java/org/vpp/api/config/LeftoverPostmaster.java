package org.vpp.api.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a killed run leaves in the embedded PostgreSQL's data directory, cleared before the next start. A JVM that
 * dies by {@code kill -9} cannot stop its PostgreSQL: the postmaster lives on, holds the directory through
 * {@code postmaster.pid}, and the next start fails. Here:
 * <ul>
 *   <li>a live PostgreSQL named by the pid file, whose directory no running application holds (the embedded
 *   library's {@code epg-lock} is free), is stopped with a fast shutdown (SIGINT: sessions end, a checkpoint is
 *   written), and the start waits for it to exit;</li>
 *   <li>a pid file naming a dead process, this JVM, or a process that is not PostgreSQL (a pid reused after a
 *   reboot) is stale and removed;</li>
 *   <li>a directory another running application holds is refused with a clear message.</li>
 * </ul>
 */
final class LeftoverPostmaster {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);
    static final String PID_FILE = "postmaster.pid";
    /** The embedded library's lock: held by the JVM that runs the server, released by the OS when it dies. */
    static final String OWNER_LOCK = "epg-lock";

    private LeftoverPostmaster() {
    }

    /** Leaves {@code dataDir} free for a new server, or throws saying why it cannot. */
    static void clear(Path dataDir, Duration stopTimeout) {
        Path pidFile = dataDir.resolve(PID_FILE);
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) return;
        Optional<ProcessHandle> process = pid.get() > 0
                ? ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive) : Optional.empty();
        if (process.isEmpty() || pid.get() == ProcessHandle.current().pid() || !isPostgres(process.get())) {
            log.warn("Removing stale {} in {}: process {} is {}", PID_FILE, dataDir.toAbsolutePath(), pid.get(),
                    process.isEmpty() ? "gone" : "not PostgreSQL");
            delete(pidFile);
            return;
        }
        if (heldByAnotherApplication(dataDir)) {
            throw new IllegalStateException("The embedded PostgreSQL in " + dataDir.toAbsolutePath() + " (pid " + pid.get()
                    + ") belongs to another running instance of this application; stop it first, or set VPP_DATA_DIR");
        }
        log.warn("PostgreSQL (pid {}) left running on {} by a run that did not stop; stopping it (fast shutdown)",
                pid.get(), dataDir.toAbsolutePath());
        stop(process.get(), stopTimeout);
        // A fast shutdown removes the pid file on exit; one left behind means the server died instead.
        if (Files.exists(pidFile)) delete(pidFile);
        log.warn("Leftover PostgreSQL (pid {}) stopped; starting a fresh server on the same data", pid.get());
    }

    static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) return Optional.empty();
            return Optional.of(Long.parseLong(lines.getFirst().trim()));
        } catch (java.nio.file.NoSuchFileException absent) {
            return Optional.empty();
        } catch (NumberFormatException unreadable) {
            // PostgreSQL writes the file in steps; an unreadable first line is a server that died while starting.
            return Optional.of(-1L);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + pidFile, e);
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        // Without a readable command line (another user's process) we cannot tell: treat it as PostgreSQL and let
        // the stop fail loudly rather than delete the lock of a server we do not understand.
        return process.info().command().map(c -> Path.of(c).getFileName().toString().startsWith("postgres")).orElse(true);
    }

    private static boolean heldByAnotherApplication(Path dataDir) {
        Path lock = dataDir.resolve(OWNER_LOCK);
        if (!Files.exists(lock)) return false;
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) return true;
            held.release();
            return false;
        } catch (OverlappingFileLockException thisJvmHoldsIt) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not check " + lock, e);
        }
    }

    private static void stop(ProcessHandle postmaster, Duration timeout) {
        try {
            // SIGINT is PostgreSQL's fast shutdown (pg_ctl stop -m fast); ProcessHandle.destroy() would send SIGTERM,
            // the smart shutdown that waits for sessions.
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).redirectErrorStream(true).start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("Could not signal PostgreSQL (pid " + postmaster.pid() + "): "
                        + new String(kill.getInputStream().readAllBytes()).trim());
            }
            postmaster.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run kill -INT " + postmaster.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping PostgreSQL (pid " + postmaster.pid() + ")", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("PostgreSQL (pid " + postmaster.pid() + ") did not stop within " + timeout, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove " + file, e);
        }
    }
}
