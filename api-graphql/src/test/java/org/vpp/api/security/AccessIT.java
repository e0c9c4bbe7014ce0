package org.vpp.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import graphql.schema.GraphQLFieldDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.vpp.api.support.ApiIT;
import org.vpp.api.support.GraphQl;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what, over HTTP as a client would: tokens that must be refused, each role against every mutation, the
 * DEVICE's scope, the telemetry endpoint's own guards, and the author every event records.
 */
class AccessIT extends ApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    GraphQlSource graphQlSource;

    private GraphQl.Raw post(String token, String document) {
        return new GraphQl(port, token).post(JSON.writeValueAsString(Map.of("query", document)));
    }

    private static String code(Map<String, Object> error) {
        @SuppressWarnings("unchecked")
        Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
        return extensions == null ? null : (String) extensions.get("code");
    }

    private static String message(GraphQl.Raw raw) {
        return raw.errors().isEmpty() ? "" : (String) raw.errors().get(0).get("message");
    }

    // ---- tokens that are refused -------------------------------------------------------------------------------

    @Test
    void aRequestWithoutATokenIsRefusedWith401AndSaysHowToAuthenticate() {
        GraphQl.Raw raw = post(null, "{ fleet { installed { deviceCount } } }");
        assertThat(raw.status()).isEqualTo(401);
        assertThat(raw.body()).doesNotContainKey("data");
        assertThat(message(raw)).contains("authentication required").contains("Authorization: Bearer");
        assertThat(code(raw.errors().get(0))).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void expiredForgedTamperedUnsignedRevokedAndUnknownTokensAreRefused() throws Exception {
        String expired = tokens.issue(new ApiTokens.Request("expired-" + run, Role.ADMIN, Duration.ofHours(1), null), "tests",
                Instant.parse("2020-01-01T00:00:00Z")).token();
        assertRefused(expired, "expired");

        JWTClaimsSet admin = claims("forger-" + run, Role.ADMIN, UUID.randomUUID().toString());
        assertRefused(signed(admin, "another-key-that-is-long-enough-0123456789"), "signature");

        String viewer = token(Role.VIEWER);
        String[] parts = viewer.split("\\.");
        String elevated = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8).replace("\"VIEWER\"", "\"ADMIN\"").getBytes(StandardCharsets.UTF_8));
        assertRefused(parts[0] + "." + elevated + "." + parts[2], "signature");

        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        assertRefused(none + "." + parts[1] + ".", "");

        // Signed with the right key but never issued here (e.g. by a copy of the key elsewhere): not on record.
        assertRefused(signed(admin, TOKEN_SECRET), "not issued by this VPP");

        ApiTokens.Issued revoked = tokens.issue(new ApiTokens.Request("revoked-" + run, Role.OPERATOR, null, null), "tests");
        assertThat(post(revoked.token(), "{ me { subject } }").status()).isEqualTo(200);
        var answer = graphQl().ok("mutation { revokeApiToken(input: {id: \"" + revoked.record().id() + "\"}) { apiToken { revokedAt revokedBy } errors { field } } }");
        assertThat(GraphQl.<String>value(answer, "revokeApiToken.apiToken.revokedBy")).isEqualTo("admin-" + run);
        assertRefused(revoked.token(), "revoked");

        assertRefused("not-a-token", "");
        // The server stays healthy: an ordinary query is answered right after.
        assertThat(post(token(Role.VIEWER), "{ me { role } }").status()).isEqualTo(200);
    }

    private void assertRefused(String token, String reason) {
        GraphQl.Raw raw = post(token, "{ fleet { installed { deviceCount } } }");
        assertThat(raw.status()).as("token refused: " + reason).isEqualTo(401);
        assertThat(raw.body()).doesNotContainKey("data");
        assertThat(message(raw)).contains("the token was refused").containsIgnoringCase(reason);
    }

    private static JWTClaimsSet claims(String subject, Role role, String id) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new JWTClaimsSet.Builder().issuer(ApiTokens.ISSUER).subject(subject).jwtID(id)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofDays(3650))))
                .claim(ApiTokens.ROLE_CLAIM, role.name()).build();
    }

    private static String signed(JWTClaimsSet claims, String key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    // ---- roles -------------------------------------------------------------------------------------------------

    /** Who may use each mutation, as the issue and the README state it (written out here, not read from AccessRules). */
    private static final Map<String, Set<Role>> MAY_MUTATE = new LinkedHashMap<>();

    static {
        Set<Role> operators = EnumSet.of(Role.OPERATOR, Role.TRADER, Role.ADMIN);
        for (String m : List.of("registerAsset", "updateAssetLimits", "renameAsset", "moveAsset", "changeAssetStatus",
                "decommissionAsset", "requestDispatch", "cancelDispatch", "importTelemetryCsv")) {
            MAY_MUTATE.put(m, operators);
        }
        MAY_MUTATE.put("ingestTelemetry", EnumSet.of(Role.OPERATOR, Role.TRADER, Role.ADMIN, Role.DEVICE));
        MAY_MUTATE.put("startBiddingCycle", EnumSet.of(Role.TRADER, Role.ADMIN));
        MAY_MUTATE.put("cancelBiddingCycle", EnumSet.of(Role.TRADER, Role.ADMIN));
        MAY_MUTATE.put("issueApiToken", EnumSet.of(Role.ADMIN));
        MAY_MUTATE.put("revokeApiToken", EnumSet.of(Role.ADMIN));
        MAY_MUTATE.put("rerunSchedule", EnumSet.of(Role.AUDITOR, Role.ADMIN));
        for (String m : List.of("retryDeadLetters", "evictDeadLetter", "rebuildProjection", "switchProjection")) {
            MAY_MUTATE.put(m, EnumSet.of(Role.ADMIN));
        }
    }

    /** One call of each mutation, harmless when allowed (unknown ids, a closed day), except the registration. */
    private String call(String mutation, Role role) {
        String missing = "missing-" + run;
        return switch (mutation) {
            case "registerAsset" -> "mutation { registerAsset(input: {id: \"acc-" + role.name().toLowerCase() + "-" + run
                    + "\", kind: PORTFOLIO, name: \"By " + role + "\"}) { status } }";
            case "updateAssetLimits" -> "mutation { updateAssetLimits(input: {id: \"" + missing + "\", limits: {}}) { status } }";
            case "renameAsset" -> "mutation { renameAsset(input: {id: \"" + missing + "\", name: \"n\"}) { status } }";
            case "moveAsset" -> "mutation { moveAsset(input: {id: \"" + missing + "\", newParentId: \"" + missing + "-2\"}) { status } }";
            case "changeAssetStatus" -> "mutation { changeAssetStatus(input: {id: \"" + missing + "\", status: MAINTENANCE, reason: \"r\"}) { status } }";
            case "decommissionAsset" -> "mutation { decommissionAsset(input: {id: \"" + missing + "\", reason: \"r\"}) { status } }";
            case "requestDispatch" -> "mutation { requestDispatch(input: {nodeId: \"" + missing + "\", powerMw: 1, "
                    + "start: \"2020-01-01T00:00:00Z\", end: \"2020-01-01T01:00:00Z\"}) { status } }";
            case "cancelDispatch" -> "mutation { cancelDispatch(input: {id: \"" + missing + "\", reason: \"r\"}) { status } }";
            case "ingestTelemetry" -> "mutation { ingestTelemetry(input: {readings: [{assetId: \"" + missing
                    + "\", at: \"2020-01-01T00:00:00Z\", powerMw: 1}]}) { stored } }";
            case "importTelemetryCsv" -> "mutation { importTelemetryCsv(input: {assetId: \"" + missing
                    + "\", csv: \"2020-01-01T00:00:00Z,1\\n2020-01-01T01:00:00Z,1\\n\"}) { stored } }";
            case "startBiddingCycle" -> "mutation { startBiddingCycle(input: {deliveryDay: \"1999-01-01\"}) { status } }";
            case "cancelBiddingCycle" -> "mutation { cancelBiddingCycle(input: {id: \"" + missing + "\", reason: \"r\"}) { status } }";
            case "issueApiToken" -> "mutation { issueApiToken(input: {subject: \"\", role: VIEWER}) { token } }";
            case "revokeApiToken" -> "mutation { revokeApiToken(input: {id: \"" + missing + "\"}) { errors { field } } }";
            case "rerunSchedule" -> "mutation { rerunSchedule(input: {bidId: \"XX:1999-01-01\"}) { errors { field } } }";
            case "retryDeadLetters" -> "mutation { retryDeadLetters(input: {processingGroup: \"" + missing + "\"}) { errors { field } } }";
            case "evictDeadLetter" -> "mutation { evictDeadLetter(input: {processingGroup: \"" + missing + "\", id: \"x\"}) { errors { field } } }";
            case "rebuildProjection" -> "mutation { rebuildProjection(input: {processingGroup: \"" + missing + "\"}) { errors { field } } }";
            case "switchProjection" -> "mutation { switchProjection(input: {id: \"" + missing + "\"}) { errors { field } } }";
            default -> throw new AssertionError("no call written for " + mutation);
        };
    }

    @Test
    void everyMutationInTheSchemaHasAnAccessRuleAndThisTestCallsIt() {
        List<String> mutations = graphQlSource.schema().getMutationType().getFieldDefinitions().stream()
                .map(GraphQLFieldDefinition::getName).toList();
        assertThat(mutations).allSatisfy(m -> assertThat(AccessRules.listed("Mutation", m)).as(m + " has a rule").isTrue());
        assertThat(MAY_MUTATE.keySet()).containsExactlyInAnyOrderElementsOf(mutations);
    }

    @Test
    void eachRoleMayUseExactlyItsMutationsAndARefusedOneChangesNothing() {
        for (Role role : Role.values()) {
            String token = role == Role.DEVICE ? deviceToken("device-" + run, "dev-" + run) : token(role);
            for (var entry : MAY_MUTATE.entrySet()) {
                String mutation = entry.getKey();
                long events = eventCount();
                GraphQl.Raw raw = post(token, call(mutation, role));
                assertThat(raw.status()).isEqualTo(200);
                boolean forbidden = raw.errors().stream().anyMatch(e -> "FORBIDDEN".equals(code(e)));
                if (entry.getValue().contains(role)) {
                    assertThat(forbidden).as(role + " may use " + mutation + ": " + raw.errors()).isFalse();
                } else {
                    assertThat(forbidden).as(role + " may not use " + mutation + ": " + raw.body()).isTrue();
                    assertThat(message(raw)).contains("Mutation." + mutation).contains("needs the role").contains(role.name());
                    assertThat(raw.<Object>data(mutation)).isNull();
                    assertThat(eventCount()).as(role + "'s refused " + mutation + " wrote no event").isEqualTo(events);
                }
            }
        }
        assertThat(jdbc.queryForList("SELECT asset_id FROM asset_node WHERE asset_id LIKE ?", String.class, "acc-%-" + run))
                .isSubsetOf("acc-operator-" + run, "acc-trader-" + run, "acc-admin-" + run);
    }

    @Test
    void readersReadADeviceDoesNotAndOnlyAnAdminSeesTheTokens() {
        for (Role role : List.of(Role.VIEWER, Role.OPERATOR, Role.TRADER, Role.AUDITOR, Role.ADMIN)) {
            GraphQl.Raw raw = post(token(role), "{ fleet { installed { deviceCount } } assets(first: 1) { totalCount } }");
            assertThat(raw.errors()).as(role + " reads").isEmpty();
        }
        GraphQl.Raw device = post(deviceToken("reader-device-" + run, "dev-" + run), "{ fleet { installed { deviceCount } } }");
        assertThat(code(device.errors().get(0))).isEqualTo("FORBIDDEN");
        assertThat(device.<Object>data("fleet")).isNull();

        for (Role role : List.of(Role.VIEWER, Role.OPERATOR, Role.TRADER, Role.AUDITOR)) {
            GraphQl.Raw raw = post(token(role), "{ apiTokens { edges { node { id } } } }");
            assertThat(code(raw.errors().get(0))).as(role + " lists no tokens").isEqualTo("FORBIDDEN");
        }
        GraphQl.Raw me = post(token(Role.TRADER), "{ me { subject role roles } }");
        assertThat(me.<String>data("me.subject")).isEqualTo("trader-" + run);
        assertThat(me.<List<String>>data("me.roles")).containsExactly("VIEWER", "OPERATOR", "TRADER");
    }

    @Test
    void anAdminIssuesListsAndRevokesTokensAndRefusalsNameTheField() {
        GraphQl admin = graphQl();
        var refused = admin.ok("mutation { issueApiToken(input: {subject: \"bad\\u0007name\", role: DEVICE, validFor: \"P9999D\"}) "
                + "{ token errors { field code message } } }");
        assertThat(GraphQl.<Object>value(refused, "issueApiToken.token")).isNull();
        assertThat(GraphQl.list(refused, "issueApiToken.errors")).extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("input.subject", "input.validFor", "input.assetIds");

        var issued = admin.ok("mutation { issueApiToken(input: {subject: \"meter-" + run + "\", role: DEVICE, validFor: \"P7D\", "
                + "assetIds: [\"m-" + run + "\"]}) { token apiToken { id role assetIds issuedBy expiresAt } errors { field } } }");
        String token = GraphQl.value(issued, "issueApiToken.token");
        assertThat(GraphQl.<String>value(issued, "issueApiToken.apiToken.issuedBy")).isEqualTo("admin-" + run);
        assertThat(post(token, "{ me { subject role assetIds } }").<List<String>>data("me.assetIds")).containsExactly("m-" + run);

        var listed = admin.ok("{ apiTokens(subject: \"meter-" + run + "\") { edges { node { id subject role } } pageInfo { hasNextPage } } }");
        assertThat(GraphQl.list(listed, "apiTokens.edges")).hasSize(1);
        assertThat(admin.run("{ apiTokens(first: 0) { edges { cursor } } }").getErrors().get(0).getMessage()).contains("first");
    }

    // ---- telemetry ---------------------------------------------------------------------------------------------

    @Test
    void aDeviceTokenReportsForItsOwnAssetsOnlyAndTheEndpointTakesNoCrossSitePost() {
        String site = id("site"), mine = id("meter"), other = id("other");
        var fleet = new org.vpp.api.support.Fleet(graphQl());
        fleet.registerOk(org.vpp.api.support.Fleet.group(id("pf"), "PORTFOLIO", "Portfolio", null, null));
        fleet.registerOk(org.vpp.api.support.Fleet.group(site, "SITE", "Site", id("pf"), null));
        fleet.registerOk(org.vpp.api.support.Fleet.device(mine, "PV", site, org.vpp.api.support.Fleet.power(0, 1.0)));
        fleet.registerOk(org.vpp.api.support.Fleet.device(other, "PV", site, org.vpp.api.support.Fleet.power(0, 1.0)));
        String device = deviceToken("meter-" + run, mine);
        Instant at = clock.instant().minusSeconds(60);
        String mineLine = "{\"assetId\":\"" + mine + "\",\"at\":\"" + at + "\",\"powerMw\":0.5}\n";
        String otherLine = "{\"assetId\":\"" + other + "\",\"at\":\"" + at + "\",\"powerMw\":0.5}\n";

        var refused = ndjson(device, MediaType.parseMediaType("application/x-ndjson"), mineLine + otherLine);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody()).contains("\"line\":2").contains("\"field\":\"assetId\"").contains("may not report for asset " + other);
        assertThat(readings(mine) + readings(other)).as("all or nothing").isZero();

        var stored = ndjson(device, MediaType.parseMediaType("application/x-ndjson"), mineLine);
        assertThat(stored.getStatusCode().value()).isEqualTo(200);
        assertThat(readings(mine)).isEqualTo(1);

        // Through GraphQL the same scope holds.
        GraphQl.Raw viaGraphQl = post(device, "mutation { ingestTelemetry(input: {readings: [{assetId: \"" + other + "\", at: \""
                + at + "\", powerMw: 0.3}]}) { stored errors { field code } } }");
        assertThat(viaGraphQl.<List<Map<String, Object>>>data("ingestTelemetry.errors")).extracting(e -> e.get("field"), e -> e.get("code"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("input.readings[0].assetId", "NOT_ALLOWED"));

        // What a web page can send across sites without asking: no credential, a form's content type.
        var anonymous = ndjson(null, MediaType.TEXT_PLAIN, mineLine);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        var plain = ndjson(token(Role.OPERATOR), MediaType.TEXT_PLAIN, mineLine);
        assertThat(plain.getStatusCode().value()).isEqualTo(415);
        var viewer = ndjson(token(Role.VIEWER), MediaType.parseMediaType("application/x-ndjson"), mineLine);
        assertThat(viewer.getStatusCode().value()).isEqualTo(403);
        assertThat(viewer.getBody()).contains("telemetry needs an OPERATOR or DEVICE token");
        assertThat(readings(mine)).isEqualTo(1);
    }

    private org.springframework.http.ResponseEntity<String> ndjson(String token, MediaType type, String body) {
        return RestClient.create("http://localhost:" + port).post().uri("/api/telemetry")
                .headers(h -> {
                    if (token != null) h.setBearerAuth(token);
                })
                .contentType(type).body(body).retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { })
                .toEntity(String.class);
    }

    private long readings(String assetId) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM telemetry_reading WHERE asset_id = ?", Long.class, assetId);
        return n == null ? 0 : n;
    }

    // ---- authorship --------------------------------------------------------------------------------------------

    @Test
    void everyEventNamesTheAuthorAndRoleOfTheCommandThatCausedIt() {
        String asset = id("authored");
        var fleet = new org.vpp.api.support.Fleet(graphQl(Role.OPERATOR));
        fleet.registerOk(org.vpp.api.support.Fleet.group(asset, "PORTFOLIO", "Authored", null, null));
        graphQl(Role.TRADER).ok("mutation { renameAsset(input: {id: \"" + asset + "\", name: \"Renamed\"}) { status } }");
        List<String> metaData = jdbc.queryForList("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number", String.class, asset);
        assertThat(metaData).hasSize(2);
        assertThat(metaData.get(0)).contains("\"author\":\"operator-" + run + "\"").contains("\"authorRole\":\"OPERATOR\"");
        assertThat(metaData.get(1)).contains("\"author\":\"trader-" + run + "\"").contains("\"authorRole\":\"TRADER\"");
    }

    // ---- limits ------------------------------------------------------------------------------------------------

    @Test
    void aPrincipalSendingMutationsFasterThanItsLimitIsRefusedWhileOthersAreServed() {
        String flooder = tokens.issue(new ApiTokens.Request("flooder-" + run, Role.ADMIN, null, null), "tests").token();
        GraphQl.Raw limited = null;
        for (int i = 0; i < 5000 && limited == null; i++) {
            GraphQl.Raw raw = post(flooder, "mutation { revokeApiToken(input: {id: \"x\"}) { errors { field } } }");
            if (raw.errors().stream().anyMatch(e -> "RATE_LIMITED".equals(code(e)))) limited = raw;
        }
        assertThat(limited).as("the flood was limited").isNotNull();
        assertThat(message(limited)).contains("flooder-" + run).contains("mutations per minute");
        // Reads go on, and so do other principals' writes.
        assertThat(post(flooder, "{ me { subject } }").errors()).isEmpty();
        assertThat(post(token(Role.ADMIN), "mutation { revokeApiToken(input: {id: \"x\"}) { errors { field } } }").errors()).isEmpty();
    }
}
