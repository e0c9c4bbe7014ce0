package org.vpp.api.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one database of the application, chosen in one place: an external PostgreSQL when {@code vpp.database.url}
 * (VPP_DATABASE_URL) is set, otherwise an embedded PostgreSQL that the application starts itself, keeping its
 * data under {@code vpp.data-dir}/postgres so a restart keeps everything. There is no third way.
 */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);
    static final java.time.Duration CONNECTION_TIMEOUT = java.time.Duration.ofSeconds(5);

    @Bean(destroyMethod = "close")
    public HikariDataSource dataSource(VppProperties properties, EmbeddedDatabase embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("vpp");
        config.setMaximumPoolSize(10);
        // While the database is down a request waits at most this for a connection, then its client is told so
        // (DatabaseUnavailable), instead of hanging for Hikari's default 30 s.
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        if (properties.database().external()) {
            config.setJdbcUrl(properties.database().url());
            config.setUsername(properties.database().user());
            config.setPassword(properties.database().password());
            log.info("Using external PostgreSQL at {}", properties.database().url());
        } else {
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername("postgres");
        }
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    @Bean(destroyMethod = "close")
    public EmbeddedDatabase embeddedDatabase(VppProperties properties) {
        return properties.database().external() ? EmbeddedDatabase.NONE : EmbeddedDatabase.start(properties.dataDir().resolve("postgres"));
    }

    /** The embedded PostgreSQL server, or nothing when an external one is configured. */
    public static final class EmbeddedDatabase implements AutoCloseable {

        static final EmbeddedDatabase NONE = new EmbeddedDatabase(null, null);
        /**
         * The embedded library is made for tests: it starts the server with {@code -F} (fsync off) and
         * {@code synchronous_commit=off}, so an acknowledged write could vanish on power loss. These settings come
         * after {@code -F} on the server's command line and win, making it as durable as a production server.
         */
        static final Map<String, String> DURABLE = Map.of(
                "fsync", "on",
                "synchronous_commit", "on",
                "full_page_writes", "on");
        private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
        private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

        private final EmbeddedPostgres postgres;
        private final Path directory;

        private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory) {
            this.postgres = postgres;
            this.directory = directory;
        }

        static EmbeddedDatabase start(Path directory) {
            try {
                Files.createDirectories(directory);
                LeftoverPostmaster.clear(directory, STOP_TIMEOUT);
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(directory)
                        .setCleanDataDirectory(false)
                        .setRegisterShutdownHook(false) // Spring closes it after the pool and processors
                        // Crash recovery after a hard kill replays the WAL first: give it time.
                        .setPGStartupWait(STARTUP_TIMEOUT);
                DURABLE.forEach(builder::setServerConfig);
                EmbeddedPostgres pg = builder.start();
                log.info("Started embedded PostgreSQL on port {} with data in {} (fsync, synchronous_commit and full_page_writes on)",
                        pg.getPort(), directory.toAbsolutePath());
                return new EmbeddedDatabase(pg, directory);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory.toAbsolutePath()
                        + " (is another instance using it? set VPP_DATA_DIR, or VPP_DATABASE_URL for an external server)", e);
            }
        }

        String jdbcUrl() {
            return postgres.getJdbcUrl("postgres", "postgres");
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
                log.info("Stopped embedded PostgreSQL ({})", directory.toAbsolutePath());
            }
        }
    }
}
