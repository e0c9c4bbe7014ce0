package org.vpp.api.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.vpp.query.telemetry.TelemetryRules;

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

    /**
     * @param maxAhead how far ahead of the application clock a reading may be stamped before it is refused
     */
    public record Telemetry(Duration offlineAfter, Duration checkEvery, Duration maxAhead) {

        public Telemetry {
            if (maxAhead == null) maxAhead = TelemetryRules.DEFAULT_MAX_AHEAD;
            if (maxAhead.isNegative()) throw new IllegalArgumentException("vpp.telemetry.max-ahead must not be negative: " + maxAhead);
        }
    }

    /**
     * Bounds of the GraphQL API (see README, "Input limits").
     *
     * @param readYourWritesTimeout how long a mutation waits for the read model to show its write before answering PENDING
     * @param maxDepth              deepest nesting of fields in a query
     * @param maxComplexity         largest estimated number of field values a query may produce
     * @param assumedListSize       the count a list field without a page size ({@code children}, {@code nodes}) is estimated at
     * @param maxAliases            aliased fields in one document
     * @param maxRootFields         top-level fields in one operation
     * @param maxRequestSize        largest request body on /graphql, variables included
     * @param executionTimeout      longest a query may run before it is cancelled
     * @param maxSubscriptionsPerConnection live subscriptions one WebSocket connection may hold
     * @param maxSubscriptionsPerPrincipal  live subscriptions of one token subject over all its connections
     * @param roles                 depth and complexity bounds of a role, where they differ from the above
     */
    public record Api(Duration readYourWritesTimeout, Integer maxDepth, Integer maxComplexity, Integer assumedListSize,
                      Integer maxAliases, Integer maxRootFields, DataSize maxRequestSize, Duration executionTimeout,
                      Integer maxSubscriptionsPerConnection, Integer maxSubscriptionsPerPrincipal,
                      java.util.Map<String, RoleLimits> roles) {

        /** A role's own bounds; null keeps the general one. */
        public record RoleLimits(Integer maxDepth, Integer maxComplexity) {
        }

        public Api {
            if (readYourWritesTimeout == null) readYourWritesTimeout = Duration.ofSeconds(10);
            if (maxDepth == null) maxDepth = 12;
            if (maxComplexity == null) maxComplexity = 50_000;
            if (assumedListSize == null) assumedListSize = 20;
            if (maxAliases == null) maxAliases = 50;
            if (maxRootFields == null) maxRootFields = 20;
            if (maxRequestSize == null) maxRequestSize = DataSize.ofMegabytes(1);
            if (executionTimeout == null) executionTimeout = Duration.ofSeconds(5);
            if (maxSubscriptionsPerConnection == null) maxSubscriptionsPerConnection = 20;
            if (maxSubscriptionsPerPrincipal == null) maxSubscriptionsPerPrincipal = 100;
            roles = roles == null ? java.util.Map.of() : java.util.Map.copyOf(roles);
        }
    }
}
