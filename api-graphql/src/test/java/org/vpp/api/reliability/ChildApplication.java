package org.vpp.api.reliability;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The application as a separate operating-system process on the embedded default, started the way the README's run
 * command starts it (the same main class and arguments; the test's own classpath instead of the repackaged jar,
 * which does not exist yet when the tests run). Its PostgreSQL is a grandchild that outlives a {@code kill -9} of the
 * JVM, as it does for a user; {@link #cleanUp(Path)} stops it at the end.
 */
final class ChildApplication implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("VPP backend ready: GraphQL at http://localhost:(\\d+)/graphql");

    private final Process process;
    private final Path log;

    private ChildApplication(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ChildApplication start(Path dataDir, Path log, List<String> arguments) {
        // The embedded default on purpose, even where CI points the other tests at a server.
        return startOn("", dataDir, log, arguments);
    }

    /** On the PostgreSQL database at {@code databaseUrl} (the embedded default when empty); its data directory apart. */
    static ChildApplication startOn(String databaseUrl, Path dataDir, Path log, List<String> arguments) {
        // Small and quick to start, for tests: a test measures correctness, not speed.
        return startOn(databaseUrl, dataDir, log, arguments, List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    }

    /** As above, with the JVM's own options (a benchmark wants the full JIT and the default collector). */
    static ChildApplication startOn(String databaseUrl, Path dataDir, Path log, List<String> arguments, List<String> jvmOptions) {
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Daxoniq.update-checker.disabled=true", "-cp", applicationClasspath(), "org.vpp.api.VppApplication",
                "--vpp.database.url=" + databaseUrl, "--vpp.data-dir=" + dataDir, "--server.port=0"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("VPP_"));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        try {
            return new ChildApplication(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command, e);
        }
    }

    /** Main classes and dependencies of this test run, without the test classes (whose beans would join the application). */
    private static String applicationClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits for a log line, failing at once (with the log) if the process ends first. */
    void awaitLog(String text, Duration atMost, Duration poll) {
        await().atMost(atMost).pollInterval(poll).pollDelay(Duration.ZERO).until(() -> {
            String current = log();
            if (current.contains(text)) return true;
            if (!process.isAlive()) throw new AssertionError("The application ended (exit " + process.exitValue() + ") before logging '"
                    + text + "':\n" + tail(current));
            return false;
        });
    }

    int port() {
        Matcher m = READY.matcher(log());
        if (!m.find()) throw new AssertionError("No port logged yet");
        return Integer.parseInt(m.group(1));
    }

    /** kill -9: the JVM ends without running a line more; its PostgreSQL keeps running. */
    void kill9() {
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    /** A normal stop (SIGTERM): Spring closes the context, which stops the embedded PostgreSQL. */
    int stop() {
        process.destroy();
        await().atMost(Duration.ofSeconds(60)).until(() -> !process.isAlive());
        return process.exitValue();
    }

    int awaitExit(Duration atMost) {
        await().atMost(atMost).until(() -> !process.isAlive());
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (process.isAlive()) kill9();
    }

    static String tail(String log) {
        String[] lines = log.split("\n");
        return String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - 40), lines.length));
    }

    // --- the embedded PostgreSQL, reached through its pid file (line 1: pid, line 4: port) ---

    static Optional<Long> postgresPid(Path dataDir) {
        return pidFileLine(dataDir, 0).map(Long::parseLong);
    }

    /** The JDBC URL of the embedded PostgreSQL an application started on {@code dataDir}, for another to share. */
    static String databaseUrl(Path dataDir) {
        String port = pidFileLine(dataDir, 3).orElseThrow(() -> new IllegalStateException("PostgreSQL is not running on " + dataDir));
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    static Connection connect(Path dataDir) throws SQLException {
        String port = pidFileLine(dataDir, 3).orElseThrow(() -> new SQLException("PostgreSQL is not running on " + dataDir));
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    private static Optional<String> pidFileLine(Path dataDir, int index) {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.size() > index && !lines.get(index).isBlank() ? Optional.of(lines.get(index).trim()) : Optional.empty();
        } catch (java.nio.file.NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops whatever PostgreSQL still runs on {@code dataDir} (fast shutdown) and removes the directory. */
    static void cleanUp(Path dataDir) {
        postgresPid(dataDir).flatMap(ProcessHandle::of).ifPresent(postgres -> {
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(postgres.pid())).start().waitFor();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> !postgres.isAlive());
        });
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
