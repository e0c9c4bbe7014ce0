package org.vpp.api.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Access to the API (README, "Access"). Tokens are JWTs signed with HS256 by this application: no identity provider
 * is needed to run it.
 *
 * @param tokenSecret                 the signing key, at least 32 bytes; when absent, a random one is created in
 *                                    {@code <data-dir>/token-secret} on first start and kept there
 * @param adminTokenValidity          validity of the admin token written to {@code <data-dir>/admin-token} on start
 *                                    when that file holds no valid token
 * @param defaultTokenValidity        validity of an issued token when the request names none
 * @param maxTokenValidity            the longest validity a token may be issued with
 * @param mutationsPerMinute          per principal: GraphQL mutations (telemetry apart)
 * @param telemetryRequestsPerMinute  per principal: telemetry requests (GraphQL or NDJSON), however many readings each
 * @param corsOrigins                 origins allowed to call the API from a browser page; none by default
 */
@ConfigurationProperties("vpp.security")
public record SecurityProperties(String tokenSecret, Duration adminTokenValidity, Duration defaultTokenValidity,
                                 Duration maxTokenValidity, Integer mutationsPerMinute,
                                 Integer telemetryRequestsPerMinute, List<String> corsOrigins) {

    public SecurityProperties {
        if (tokenSecret != null && tokenSecret.isBlank()) tokenSecret = null;
        if (adminTokenValidity == null) adminTokenValidity = Duration.ofDays(365);
        if (defaultTokenValidity == null) defaultTokenValidity = Duration.ofDays(30);
        if (maxTokenValidity == null) maxTokenValidity = Duration.ofDays(366);
        if (mutationsPerMinute == null) mutationsPerMinute = 600;
        if (telemetryRequestsPerMinute == null) telemetryRequestsPerMinute = 1200;
        if (corsOrigins == null) corsOrigins = List.of();
        positive("vpp.security.admin-token-validity", adminTokenValidity);
        positive("vpp.security.default-token-validity", defaultTokenValidity);
        positive("vpp.security.max-token-validity", maxTokenValidity);
        if (mutationsPerMinute < 1) throw new IllegalArgumentException("vpp.security.mutations-per-minute must be at least 1");
        if (telemetryRequestsPerMinute < 1) {
            throw new IllegalArgumentException("vpp.security.telemetry-requests-per-minute must be at least 1");
        }
    }

    private static void positive(String name, Duration d) {
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive: " + d);
    }
}
