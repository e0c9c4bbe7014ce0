package org.vpp.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Keeps a usable ADMIN token in {@code <data-dir>/admin-token}: on start, a token there that this VPP still accepts
 * for at least another week is kept; otherwise a new one is issued and written (owner-only), and the log says how to
 * use it and how to get tokens for the other roles.
 */
public final class AdminTokenFile {

    private static final Logger log = LoggerFactory.getLogger(AdminTokenFile.class);
    static final String SUBJECT = "admin";
    static final Duration RENEW_BEFORE = Duration.ofDays(7);

    private AdminTokenFile() {
    }

    /** The file's token, renewed when needed; answers the file's path. */
    public static Path ensure(Path dataDir, ApiTokens tokens, JwtDecoder decoder, Duration validity, Clock wallClock) {
        Path file = dataDir.resolve("admin-token");
        if (usable(file, decoder, wallClock.instant())) {
            log.info("Access: ADMIN token in {} (README, \"Access\")", file.toAbsolutePath());
            return file;
        }
        var issued = tokens.issue(new ApiTokens.Request(SUBJECT, Role.ADMIN, validity, null), "vpp:start-up");
        try {
            TokenSecret.writePrivate(file, issued.token() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the admin token to " + file, e);
        }
        log.info("Access: a new ADMIN token, valid until {}, is in {}. Use it as\n"
                        + "  curl -H \"Authorization: Bearer $(cat {})\" -H 'Content-Type: application/json' "
                        + "-d '{\"query\":\"{ me { subject role } }\"}' http://localhost:<port>/graphql\n"
                        + "Tokens for the other roles (VIEWER, OPERATOR, TRADER, AUDITOR, DEVICE) come from the ADMIN's mutation "
                        + "issueApiToken(input: {subject, role, validFor, assetIds}) (README, \"Access\").",
                issued.record().expiresAt(), file.toAbsolutePath(), file);
        return file;
    }

    private static boolean usable(Path file, JwtDecoder decoder, Instant now) {
        if (!Files.isRegularFile(file)) return false;
        try {
            Jwt jwt = decoder.decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            return Role.ADMIN.name().equals(jwt.getClaimAsString(ApiTokens.ROLE_CLAIM))
                    && jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(now.plus(RENEW_BEFORE));
        } catch (IOException | JwtException e) {
            log.info("Access: the token in {} is no longer accepted ({}); writing a new one", file, e.getMessage());
            return false;
        }
    }
}
