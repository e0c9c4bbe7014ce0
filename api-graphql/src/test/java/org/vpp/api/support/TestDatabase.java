package org.vpp.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Gives each Spring test context a database of its own, so contexts never share tokens or rows. With
 * VPP_DATABASE_URL set (as .ci/run does), a fresh database is created on that server and dropped when the JVM
 * ends; without it, the context starts its own embedded PostgreSQL in a temporary directory.
 */
public final class TestDatabase {

    private static final List<String> created = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropAll, "drop-test-databases"));
    }

    private TestDatabase() {
    }

    public static boolean external() {
        String url = System.getenv("VPP_DATABASE_URL");
        return url != null && !url.isBlank();
    }

    public static void register(DynamicPropertyRegistry registry) {
        if (external()) {
            String url = freshExternalDatabase();
            registry.add("vpp.database.url", () -> url);
        } else {
            registry.add("vpp.database.url", () -> "");
            registry.add("vpp.data-dir", TestDatabase::temporaryDirectory);
        }
    }

    /** A new database on the server of VPP_DATABASE_URL, dropped when the JVM ends; its URL. */
    public static String freshExternalDatabase() {
        String name = "vpp_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        admin("CREATE DATABASE " + name);
        created.add(name);
        return withDatabase(System.getenv("VPP_DATABASE_URL"), name);
    }

    /** Command-line arguments for an application of its own: a fresh external database, or embedded in a new directory. */
    public static java.util.List<String> applicationArguments() {
        return external()
                ? java.util.List.of("--vpp.database.url=" + freshExternalDatabase())
                : java.util.List.of("--vpp.database.url=", "--vpp.data-dir=" + temporaryDirectory());
    }

    public static String temporaryDirectory() {
        try {
            return Files.createTempDirectory("vpp-it-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same server URL with another database name. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(System.getenv("VPP_DATABASE_URL"), user(), password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + System.getenv("VPP_DATABASE_URL"), e);
        }
    }

    private static void dropAll() {
        for (String name : created) {
            try {
                admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException e) {
                System.err.println("Could not drop test database " + name + ": " + e.getMessage());
            }
        }
    }

    private static String user() {
        String u = System.getenv("VPP_DATABASE_USER");
        return u == null || u.isBlank() ? "postgres" : u;
    }

    private static String password() {
        String p = System.getenv("VPP_DATABASE_PASSWORD");
        return p == null ? "" : p;
    }
}
