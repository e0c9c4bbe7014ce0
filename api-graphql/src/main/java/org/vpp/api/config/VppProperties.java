package org.vpp.api.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The application's own settings (see application.yml for defaults and their environment variables).
 *
 * @param dataDir where the embedded PostgreSQL keeps its data when no database URL is given
 */
@ConfigurationProperties("vpp")
public record VppProperties(Path dataDir, Database database, Telemetry telemetry, Api api) {

    /** An external PostgreSQL when {@code url} is set; the embedded one otherwise. */
    public record Database(String url, String user, String password) {

        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    public record Telemetry(Duration offlineAfter, Duration checkEvery) {
    }

    public record Api(Duration readYourWritesTimeout) {
    }
}
