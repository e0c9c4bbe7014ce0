package org.vpp.api.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.vpp.messages.common.PlainText;

/**
 * Issues, lists and revokes API tokens. A token is a JWT signed with the application's key (HS256) naming its subject,
 * role, id ({@code jti}), expiry and, for a DEVICE, the assets it reports for; its row in {@code api_token} records who
 * issued it and whether it was revoked. Token times are real time (the wall clock), whatever the application clock is.
 */
public class ApiTokens {

    public static final String ISSUER = "vpp";
    public static final String ROLE_CLAIM = "role";
    public static final String ASSETS_CLAIM = "assets";
    static final int MAX_SUBJECT = 100;
    static final int MAX_ASSETS = 1000;

    /** A token as recorded; the token text is not among it. */
    public record ApiToken(String id, String subject, Role role, List<String> assetIds, Instant issuedAt,
                           Instant expiresAt, String issuedBy, Instant revokedAt, String revokedBy) {
    }

    /** What was issued: the token to hand over (shown once) and its record. */
    public record Issued(String token, ApiToken record) {
    }

    /** A refusal naming the request's field. */
    public record Problem(String field, String message) {
    }

    public record Request(String subject, Role role, Duration validFor, List<String> assetIds) {
    }

    private final JdbcTemplate jdbc;
    private final byte[] secret;
    private final Clock wallClock;
    private final SecurityProperties properties;

    public ApiTokens(JdbcTemplate jdbc, byte[] secret, Clock wallClock, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.secret = secret.clone();
        this.wallClock = wallClock;
        this.properties = properties;
    }

    javax.crypto.SecretKey verificationKey() {
        return new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256");
    }

    /** The problems of a request, by field; empty when it may be issued. */
    public List<Problem> check(Request request) {
        List<Problem> problems = new ArrayList<>();
        String subject = request.subject();
        if (subject == null || subject.isBlank()) {
            problems.add(new Problem("subject", "must not be blank"));
        } else if (subject.length() > MAX_SUBJECT) {
            problems.add(new Problem("subject", "must be at most " + MAX_SUBJECT + " characters, got " + subject.length()));
        } else {
            PlainText.problem("subject", subject).ifPresent(r -> problems.add(new Problem("subject", r.message())));
        }
        if (request.role() == null) problems.add(new Problem("role", "is required"));
        Duration valid = request.validFor();
        if (valid != null && (valid.isNegative() || valid.isZero())) {
            problems.add(new Problem("validFor", "must be positive, got " + valid));
        } else if (valid != null && valid.compareTo(properties.maxTokenValidity()) > 0) {
            problems.add(new Problem("validFor", "must be at most " + properties.maxTokenValidity() + " (vpp.security.max-token-validity), got " + valid));
        }
        List<String> assets = request.assetIds() == null ? List.of() : request.assetIds();
        if (request.role() == Role.DEVICE && assets.isEmpty()) {
            problems.add(new Problem("assetIds", "a DEVICE token must name the assets it reports for"));
        } else if (request.role() != null && request.role() != Role.DEVICE && !assets.isEmpty()) {
            problems.add(new Problem("assetIds", "only a DEVICE token is limited to assets; a " + request.role() + " token takes none"));
        } else if (assets.size() > MAX_ASSETS) {
            problems.add(new Problem("assetIds", "at most " + MAX_ASSETS + " assets per token, got " + assets.size()));
        } else {
            for (int i = 0; i < assets.size(); i++) {
                String a = assets.get(i);
                String field = "assetIds[" + i + "]";
                if (a == null || a.isBlank()) problems.add(new Problem(field, "must not be blank"));
                else PlainText.problem(field, a).ifPresent(r -> problems.add(new Problem(field, r.message())));
            }
        }
        return problems;
    }

    /** Issues a token now; the request must have passed {@link #check}. */
    public Issued issue(Request request, String issuedBy) {
        return issue(request, issuedBy, wallClock.instant());
    }

    /** Issues a token as of {@code issuedAt} (an instant in the past gives a token that is already expired: for tests). */
    public Issued issue(Request request, String issuedBy, Instant issuedAt) {
        List<Problem> problems = check(request);
        if (!problems.isEmpty()) throw new IllegalArgumentException("refused token request: " + problems);
        Instant at = issuedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Duration validFor = request.validFor() == null ? properties.defaultTokenValidity() : request.validFor();
        Instant expires = at.plus(validFor);
        List<String> assets = List.copyOf(new LinkedHashSet<>(request.assetIds() == null ? List.of() : request.assetIds()));
        String id = UUID.randomUUID().toString();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).subject(request.subject()).jwtID(id)
                .issueTime(Date.from(at)).notBeforeTime(Date.from(at)).expirationTime(Date.from(expires))
                .claim(ROLE_CLAIM, request.role().name());
        if (!assets.isEmpty()) claims.claim(ASSETS_CLAIM, assets);
        String token = sign(claims.build());
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO api_token (id, subject, role, asset_ids, issued_at, expires_at, issued_by) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)");
            ps.setObject(1, UUID.fromString(id));
            ps.setString(2, request.subject());
            ps.setString(3, request.role().name());
            ps.setArray(4, c.createArrayOf("text", assets.toArray()));
            ps.setTimestamp(5, Timestamp.from(at));
            ps.setTimestamp(6, Timestamp.from(expires));
            ps.setString(7, issuedBy);
            return ps;
        });
        return new Issued(token, new ApiToken(id, request.subject(), request.role(), assets, at, expires, issuedBy, null, null));
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    /** How long a token found active is trusted without asking the database again (revocation's delay elsewhere). */
    static final long ACTIVE_FOR_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    private final java.util.concurrent.ConcurrentHashMap<String, Long> activeUntil = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Why a token of this id may not be used, or empty when it may: it must be on record and not revoked. An active
     * verdict is kept for five seconds, so a burst of requests costs one lookup; a revocation made here takes effect at
     * once, one made by another node of a scaled-out deployment within those five seconds.
     */
    public Optional<String> refusal(String tokenId) {
        Long until = tokenId == null ? null : activeUntil.get(tokenId);
        long now = System.nanoTime();
        if (until != null && now - until < 0) return Optional.empty();
        Optional<String> refusal = lookUp(tokenId);
        if (refusal.isEmpty()) {
            if (activeUntil.size() > 100_000) activeUntil.clear();
            activeUntil.put(tokenId, now + ACTIVE_FOR_NANOS);
        }
        return refusal;
    }

    private Optional<String> lookUp(String tokenId) {
        UUID id;
        try {
            id = UUID.fromString(tokenId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.of("the token has no valid id");
        }
        List<Timestamp> revoked = jdbc.query("SELECT revoked_at FROM api_token WHERE id = ?",
                (rs, n) -> rs.getTimestamp(1), id);
        if (revoked.isEmpty()) return Optional.of("the token was not issued by this VPP");
        if (revoked.get(0) != null) return Optional.of("the token was revoked at " + revoked.get(0).toInstant());
        return Optional.empty();
    }

    /**
     * Revokes a token and answers its record; empty when there is none of that id. Revoking twice keeps the first
     * revocation.
     */
    public Optional<ApiToken> revoke(String tokenId, String by) {
        UUID id;
        try {
            id = UUID.fromString(tokenId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        activeUntil.remove(tokenId);
        jdbc.update("UPDATE api_token SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL",
                Timestamp.from(wallClock.instant()), by, id);
        return find(tokenId);
    }

    public Optional<ApiToken> find(String tokenId) {
        try {
            return jdbc.query("SELECT * FROM api_token WHERE id = ?", ROW, UUID.fromString(tokenId)).stream().findFirst();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Tokens newest first, after the one with id {@code afterId} if given, at most {@code limit}; of one subject when
     * given; revoked and expired ones only when asked.
     */
    public List<ApiToken> list(String subject, boolean includeInactive, String afterId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM api_token t WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (subject != null) {
            sql.append(" AND subject = ?");
            args.add(subject);
        }
        if (!includeInactive) {
            sql.append(" AND revoked_at IS NULL AND expires_at > ?");
            args.add(Timestamp.from(wallClock.instant()));
        }
        if (afterId != null) {
            sql.append(" AND (issued_at, id) < (SELECT issued_at, id FROM api_token WHERE id = ?)");
            args.add(UUID.fromString(afterId));
        }
        sql.append(" ORDER BY issued_at DESC, id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    private static final RowMapper<ApiToken> ROW = (ResultSet rs, int n) -> new ApiToken(
            rs.getString("id"), rs.getString("subject"), Role.valueOf(rs.getString("role")), texts(rs.getArray("asset_ids")),
            rs.getTimestamp("issued_at").toInstant(), rs.getTimestamp("expires_at").toInstant(), rs.getString("issued_by"),
            instant(rs.getTimestamp("revoked_at")), rs.getString("revoked_by"));

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** The subject, role, assets and id a verified token carries. */
    public static Caller caller(String subject, String role, List<String> assets, String tokenId) {
        return new Caller(subject, Role.valueOf(role), assets == null ? Set.of() : Set.copyOf(assets), tokenId);
    }
}
