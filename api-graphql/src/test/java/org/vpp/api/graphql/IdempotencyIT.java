package org.vpp.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vpp.api.support.Fleet.device;
import static org.vpp.api.support.Fleet.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.vpp.api.security.Role;
import org.vpp.api.support.ApiIT;
import org.vpp.api.support.Fleet;

import tools.jackson.databind.ObjectMapper;

/** Issue 18: a mutation sent twice with one Idempotency-Key takes effect once and answers the first result again. */
class IdempotencyIT extends ApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGISTER = """
            mutation($input: RegisterAssetInput!) { registerAsset(input: $input) { status version asset { id name } errors { field code } } }""";
    private static final String RENAME = """
            mutation($input: RenameAssetInput!) { renameAsset(input: $input) { status version asset { name } errors { field code } } }""";

    private String site;

    @BeforeEach
    void aSite() {
        Fleet fleet = new Fleet(graphQl());
        fleet.registerOk(group(id("p"), "PORTFOLIO", "P", null, null));
        site = id("site");
        fleet.registerOk(group(site, "SITE", "S", id("p"), null));
    }

    record Answer(int status, Map<String, Object> body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> payload(String field) {
            return (Map<String, Object>) ((Map<String, Object>) body.get("data")).get(field);
        }

        @SuppressWarnings("unchecked")
        String errorCode() {
            List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
            if (errors == null || errors.isEmpty()) return null;
            return (String) ((Map<String, Object>) errors.getFirst().get("extensions")).get("code");
        }

        @SuppressWarnings("unchecked")
        boolean replayed() {
            Map<String, Object> extensions = (Map<String, Object>) body.get("extensions");
            return extensions != null && Boolean.TRUE.equals(extensions.get("idempotentReplay"));
        }
    }

    @SuppressWarnings("unchecked")
    private Answer send(Role role, String key, String document, Map<String, Object> variables) {
        var entity = RestClient.create("http://localhost:" + port + "/graphql").post().contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    h.setBearerAuth(token(role));
                    if (key != null) h.set("Idempotency-Key", key);
                })
                .body(JSON.writeValueAsString(Map.of("query", document, "variables", variables)))
                .retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(Map.class);
        return new Answer(entity.getStatusCode().value(), entity.getBody());
    }

    private long events(String aggregate) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, aggregate);
        return n == null ? 0 : n;
    }

    private Map<String, Object> battery(String assetId, String name) {
        Map<String, Object> input = new java.util.LinkedHashMap<>(device(assetId, "BATTERY", site, Fleet.battery(-1, 1, 2, 0.1, 0.9, 0.1)));
        input.put("name", name);
        return Map.of("input", input);
    }

    @Test
    void aRepeatedRegistrationTakesEffectOnceAndAnswersTheFirstResult() {
        String bat = id("bat");
        String key = id("key-register");
        Answer first = send(Role.OPERATOR, key, REGISTER, battery(bat, "Depot"));
        Answer again = send(Role.OPERATOR, key, REGISTER, battery(bat, "Depot"));

        assertThat(first.payload("registerAsset")).containsEntry("status", "APPLIED");
        assertThat(first.replayed()).isFalse();
        assertThat(again.payload("registerAsset")).isEqualTo(first.payload("registerAsset"));
        assertThat(again.replayed()).isTrue();
        assertThat(events(bat)).isEqualTo(1);

        // Without the key, the same request is a second command, refused as a duplicate: what the key spares a client.
        Answer unkeyed = send(Role.OPERATOR, null, REGISTER, battery(bat, "Depot"));
        assertThat(unkeyed.payload("registerAsset")).containsEntry("status", "REFUSED");
        assertThat(events(bat)).isEqualTo(1);
    }

    @Test
    void concurrentDuplicatesRunOnceAndNoneRunsTwice() throws Exception {
        String bat = id("bat-c");
        send(Role.OPERATOR, null, REGISTER, battery(bat, "Before"));
        String key = id("key-rename");
        Map<String, Object> rename = Map.of("input", Map.of("id", bat, "name", "After"));
        int clients = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<Answer> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<Answer>> sent = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                sent.add(pool.submit(() -> {
                    go.await();
                    return send(Role.OPERATOR, key, RENAME, rename);
                }));
            }
            go.countDown();
            for (Future<Answer> f : sent) answers.add(f.get());
        }
        assertThat(events(bat)).as("one rename recorded").isEqualTo(2);
        assertThat(answers).filteredOn(a -> a.errorCode() == null && !a.replayed()).as("one request ran").hasSize(1);
        assertThat(answers).allSatisfy(a -> assertThat(a.errorCode() == null || a.errorCode().equals("IDEMPOTENCY_KEY_IN_PROGRESS"))
                .as("answered %s", a.body).isTrue());
        // Once the first has answered, every repeat gets its answer.
        Answer later = send(Role.OPERATOR, key, RENAME, rename);
        assertThat(later.replayed()).isTrue();
        assertThat(later.payload("renameAsset")).containsEntry("status", "APPLIED");
        assertThat(events(bat)).isEqualTo(2);
    }

    @Test
    void aClaimWhoseRequestNeverAnsweredHoldsTheKeyForTwoMinutesOnly() {
        String bat = id("bat-a");
        String key = id("key-abandoned");
        String subject = "operator-" + run; // the subject of token(Role.OPERATOR)
        // As a process that died between claiming the key and recording the answer leaves it.
        jdbc.update("INSERT INTO mutation_idempotency (subject, idem_key, request_sha256, created_at) VALUES (?, ?, ?, ?)",
                subject, key, "0".repeat(64), java.sql.Timestamp.from(clock.instant().minusSeconds(60)));
        Answer held = send(Role.OPERATOR, key, REGISTER, battery(bat, "A"));
        assertThat(held.errorCode()).isIn("IDEMPOTENCY_KEY_REUSED", "IDEMPOTENCY_KEY_IN_PROGRESS");
        assertThat(events(bat)).isZero();

        jdbc.update("UPDATE mutation_idempotency SET created_at = ? WHERE subject = ? AND idem_key = ?",
                java.sql.Timestamp.from(clock.instant().minusSeconds(180)), subject, key);
        Answer runs = send(Role.OPERATOR, key, REGISTER, battery(bat, "A"));
        assertThat(runs.payload("registerAsset")).containsEntry("status", "APPLIED");
        assertThat(runs.replayed()).isFalse();
        assertThat(events(bat)).isEqualTo(1);
    }

    @Test
    void aKeyReusedForAnotherRequestIsRefusedNamingTheHeaderAndChangesNothing() {
        String key = id("key-reused");
        send(Role.OPERATOR, key, REGISTER, battery(id("bat-r1"), "One"));
        Answer reused = send(Role.OPERATOR, key, REGISTER, battery(id("bat-r2"), "Two"));
        assertThat(reused.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(reused.body.toString()).contains("Idempotency-Key");
        assertThat(events(id("bat-r2"))).isZero();
    }

    @Test
    void malformedKeysAreRefusedAndNothingRuns() {
        String bat = id("bat-m");
        for (String key : List.of(" ", "x".repeat(201), "abc\tdef")) {
            Answer refused = send(Role.OPERATOR, key, REGISTER, battery(bat, "M"));
            assertThat(refused.errorCode()).as("key %s", key).isEqualTo("INVALID_IDEMPOTENCY_KEY");
            assertThat(refused.body.toString()).contains("Idempotency-Key");
        }
        assertThat(events(bat)).isZero();
    }

    @Test
    void aRequestRefusedBeforeRunningLeavesItsKeyFreeAndKeysBelongToTheirSubject() {
        String bat = id("bat-v");
        String key = id("key-fixed");
        Answer invalid = send(Role.OPERATOR, key, REGISTER.replace("version", "noSuchField"), battery(bat, "V"));
        assertThat(invalid.body.get("data")).isNull();
        assertThat(events(bat)).isZero();
        Answer corrected = send(Role.OPERATOR, key, REGISTER, battery(bat, "V"));
        assertThat(corrected.payload("registerAsset")).containsEntry("status", "APPLIED");
        assertThat(corrected.replayed()).isFalse();

        // The same key from another token subject is that subject's own: it runs (and is refused as a duplicate asset).
        Answer other = send(Role.ADMIN, key, REGISTER, battery(bat, "V"));
        assertThat(other.replayed()).isFalse();
        assertThat(other.payload("registerAsset")).containsEntry("status", "REFUSED");

        // A query ignores the header.
        Answer query = send(Role.VIEWER, key, "query { asset(id: \"" + bat + "\") { name } }", Map.of());
        assertThat(query.errorCode()).isNull();
        assertThat(query.replayed()).isFalse();
        assertThat(events(bat)).isEqualTo(1);
    }
}
