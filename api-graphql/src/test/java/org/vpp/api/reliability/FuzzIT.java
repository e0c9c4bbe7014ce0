package org.vpp.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.vpp.api.security.Role;
import org.vpp.api.support.ApiIT;
import org.vpp.api.support.Fleet;
import org.vpp.api.support.GraphQl;

import tools.jackson.databind.ObjectMapper;

/**
 * A seeded grammar fuzzer (issue 18): asset definitions, telemetry batches, CSV files, GraphQL documents and tokens,
 * each case broken in one to three ways that the input limits forbid. Every case must be refused with an error naming
 * its field (or, for a broken document or token, the parser's or the authenticator's refusal), nothing may change (the
 * event store and the telemetry table keep their counts), and the server answers an ordinary query at the end. Prints
 * how many cases were tried and refused per kind. {@code -Dvpp.fuzz.cases=N} (per kind, default 60) and
 * {@code -Dvpp.fuzz.seed=S} reproduce or widen a run.
 */
class FuzzIT extends ApiIT {

    private static final int CASES = Integer.getInteger("vpp.fuzz.cases", 60);
    private static final long SEED = Long.getLong("vpp.fuzz.seed", 20261202L);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGISTER = "mutation($input: RegisterAssetInput!) { registerAsset(input: $input) { status errors { field code message } } }";
    private static final String INGEST = "mutation($input: IngestTelemetryInput!) { ingestTelemetry(input: $input) { stored errors { field code message } } }";
    private static final String IMPORT = "mutation($input: ImportTelemetryCsvInput!) { importTelemetryCsv(input: $input) { stored errors { field code message } } }";

    private final Random random = new Random(SEED);
    private final Map<String, int[]> tally = new TreeMap<>();
    private int stillValid;
    private GraphQl g;
    private String site, bat;

    @BeforeEach
    void aSiteWithABattery() {
        g = graphQl(Role.OPERATOR);
        Fleet fleet = new Fleet(graphQl());
        fleet.registerOk(Fleet.group(id("pf"), "PORTFOLIO", "P", null, null));
        site = id("site");
        fleet.registerOk(Fleet.group(site, "SITE", "S", id("pf"), null));
        bat = id("bat");
        fleet.registerOk(Fleet.device(bat, "BATTERY", site, Fleet.battery(-1, 1, 2, 0.1, 0.9, 0.1)));
    }

    private long readings() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM telemetry_reading", Long.class);
        return n == null ? 0 : n;
    }

    private void tried(String kind, boolean refused) {
        int[] counts = tally.computeIfAbsent(kind, k -> new int[2]);
        counts[0]++;
        if (refused) counts[1]++;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> payloadErrors(ClientGraphQlResponse r, String field) {
        if (!r.getErrors().isEmpty()) return List.of();
        Map<String, Object> payload = r.field(field).getValue();
        return payload == null ? List.of() : (List<Map<String, Object>>) payload.get("errors");
    }

    /** Refused: GraphQL errors (validation, coercion) without data, or a payload whose errors all name an input field. */
    private static boolean refusedNamingField(ClientGraphQlResponse r, String field) {
        if (!r.getErrors().isEmpty()) {
            return r.getErrors().stream().allMatch(e -> e.getMessage() != null && !e.getMessage().isBlank());
        }
        List<Map<String, Object>> errors = payloadErrors(r, field);
        return !errors.isEmpty() && errors.stream().allMatch(e -> String.valueOf(e.get("field")).startsWith("input")
                && !String.valueOf(e.get("message")).isBlank());
    }

    private String text(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) s.append((char) ('a' + random.nextInt(26)));
        return s.toString();
    }

    private String withControl(String s) {
        int at = random.nextInt(s.length() + 1);
        char control = random.nextBoolean() ? (char) random.nextInt(0x20) : (char) (0x7f + random.nextInt(0x21));
        return s.substring(0, at) + control + s.substring(at);
    }

    /** A control character that is not a line break: a CR or LF only ends a line (or a Windows line) in a CSV file. */
    private String withControlInLine(String s) {
        String broken;
        do {
            broken = withControl(s);
        } while (broken.indexOf('\n') >= 0 || broken.indexOf('\r') >= 0);
        return broken;
    }

    /** The text with one to three characters deleted, inserted (one of {@code insertable}) or swapped for a brace. */
    private String edited(String text, String insertable) {
        StringBuilder broken = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(broken.length());
            switch (random.nextInt(3)) {
                case 0 -> broken.deleteCharAt(at);
                case 1 -> broken.insert(at, insertable.charAt(random.nextInt(insertable.length())));
                default -> broken.setCharAt(at, '{');
            }
        }
        return broken.toString();
    }

    private double absurd() {
        double magnitude = Math.pow(10, 5.1 + random.nextDouble() * 303); // beyond +-100 GW, finite
        return random.nextBoolean() ? magnitude : -magnitude;
    }

    @Test
    void everyBrokenInputIsRefusedNamingItsFieldAndNothingChanges() throws Exception {
        long eventsBefore = eventCount();
        long readingsBefore = readings();

        // Asset definitions: a valid battery broken in 1..3 ways.
        List<Consumer<Map<String, Object>>> breakAsset = List.of(
                in -> in.put("name", withControl(text(1 + random.nextInt(20)))),
                in -> in.put("id", withControl(text(1 + random.nextInt(20)))),
                in -> limits(in).put("maxPowerMw", absurd()),
                in -> limits(in).put("minPowerMw", absurd()),
                in -> limits(in).put("energyCapacityMwh", random.nextBoolean() ? -random.nextDouble() * 1e6 : 1e6 + random.nextDouble() * 1e300),
                in -> limits(in).put("chargeEfficiency", random.nextBoolean() ? 0.0 : 1.0 + random.nextDouble() * 100),
                in -> limits(in).put("minSoc", 1.0 + random.nextDouble() * 1e9),
                in -> limits(in).put("rampRateMwPerMin", 2e5 + random.nextDouble() * 1e300),
                in -> in.put("location", Map.of("latitude", 90.0 + random.nextDouble() * 1e6, "longitude", 0.0)),
                in -> in.put("parentId", id("nowhere-" + text(5))),
                in -> in.put("parentId", bat));
        for (int i = 0; i < CASES; i++) {
            Map<String, Object> input = new LinkedHashMap<>(Fleet.device(id("fz-" + i), "BATTERY", site, Fleet.battery(-1, 1, 2, 0.1, 0.9, 0.1)));
            input.put("limits", new LinkedHashMap<>((Map<String, Object>) input.get("limits")));
            int ways = 1 + random.nextInt(3);
            for (int w = 0; w < ways; w++) breakAsset.get(random.nextInt(breakAsset.size())).accept(input);
            tried("asset definitions", refusedNamingField(g.run(REGISTER, vars("input", input)), "registerAsset"));
        }

        // Telemetry: a batch of valid readings with 1..3 broken ones: the whole batch is refused.
        Instant now = clock.instant();
        List<Consumer<Map<String, Object>>> breakReading = List.of(
                r -> r.put("at", String.format(Locale.ROOT, "%04d-01-01T00:00:00Z", random.nextInt(2000))),
                r -> r.put("at", now.plusSeconds(3600 + random.nextInt(1_000_000_000)).toString()),
                r -> r.put("powerMw", absurd()),
                r -> r.put("soc", random.nextBoolean() ? -random.nextDouble() - 1e-9 : 1.0 + 1e-9 + random.nextDouble() * 1e12),
                r -> r.put("assetId", id("ghost-" + text(4))),
                r -> r.put("assetId", withControl(bat)));
        for (int i = 0; i < CASES; i++) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                batch.add(new LinkedHashMap<>(Map.of("assetId", bat, "at", now.minusSeconds(60L * (i * 5 + k + 1)).toString(),
                        "powerMw", 0.5, "soc", 0.5)));
            }
            int broken = 1 + random.nextInt(3);
            for (int b = 0; b < broken; b++) breakReading.get(random.nextInt(breakReading.size())).accept(batch.get(random.nextInt(batch.size())));
            ClientGraphQlResponse r = g.run(INGEST, vars("input", vars("readings", batch)));
            boolean refused = refusedNamingField(r, "ingestTelemetry")
                    && (r.getErrors().isEmpty() ? ((Number) ((Map<String, Object>) r.field("ingestTelemetry").getValue()).get("stored")).intValue() == 0 : true);
            tried("telemetry batches", refused);
        }

        // CSV files: a valid hourly file with a broken line.
        List<java.util.function.UnaryOperator<String>> breakLine = List.of(
                line -> line.replaceFirst(",.*", "," + text(3)),
                line -> withControlInLine(line),
                line -> line.replaceFirst(",", ";"),
                line -> "0000-01-01T00:00:00Z,1.0",
                line -> line.replaceFirst(",.*", "," + absurd()),
                line -> line.substring(0, 10) + "T99:99:99Z,1.0");
        for (int i = 0; i < CASES; i++) {
            List<String> lines = new ArrayList<>();
            Instant start = now.minusSeconds(86_400L * (2 + i));
            for (int h = 0; h < 6; h++) lines.add(start.plusSeconds(3600L * h) + "," + (0.1 * h));
            int at = 1 + random.nextInt(lines.size() - 1);
            lines.set(at, breakLine.get(random.nextInt(breakLine.size())).apply(lines.get(at)));
            ClientGraphQlResponse r = g.run(IMPORT, vars("input", vars("assetId", bat, "csv", String.join("\n", lines) + "\n")));
            tried("CSV files", refusedNamingField(r, "importTelemetryCsv"));
        }

        // GraphQL documents: a valid mutation with characters deleted, doubled or swapped for braces.
        String document = "mutation { renameAsset(input: {id: \"" + bat + "\", name: \"Renamed\"}) { status errors { field } } }";
        for (int i = 0; i < CASES; i++) {
            String broken = edited(document, "{}()[]:$@!\"");
            GraphQl.Raw raw = new GraphQl(port, token(Role.OPERATOR)).post(JSON.writeValueAsString(Map.of("query", broken)));
            // An edit may leave a valid document (a doubled brace inside the name's string, say): that one may run and
            // is counted apart; every other is refused.
            if (raw.errors().isEmpty() && raw.data("renameAsset.status") != null) stillValid++;
            else tried("GraphQL documents", !raw.errors().isEmpty());
        }

        // Tokens: a valid token with one character changed, cut short, or another scheme.
        String valid = token(Role.OPERATOR);
        for (int i = 0; i < CASES; i++) {
            String forged;
            switch (random.nextInt(3)) {
                case 0 -> {
                    char[] chars = valid.toCharArray();
                    int at = random.nextInt(chars.length);
                    chars[at] = chars[at] == 'A' ? 'B' : 'A';
                    forged = "Bearer " + new String(chars);
                }
                case 1 -> forged = "Bearer " + valid.substring(0, random.nextInt(valid.length()));
                default -> forged = "Basic " + valid;
            }
            String authorization = forged;
            int status = RestClient.create("http://localhost:" + port + "/graphql").post().contentType(MediaType.APPLICATION_JSON)
                    .header("Authorization", authorization).body("{\"query\":\"{ me { subject } }\"}")
                    .retrieve().onStatus(s -> true, (req, res) -> { }).toBodilessEntity().getStatusCode().value();
            // A changed character in the signature's last, padding bits can leave the same signature: counted apart.
            if (status == 200 && authorization.startsWith("Bearer ") && authorization.length() == valid.length() + 7) stillValid++;
            else tried("tokens", status == 401);
        }

        StringBuilder summary = new StringBuilder("fuzz (seed " + SEED + ", " + stillValid + " edits left a valid document or token):");
        tally.forEach((kind, c) -> summary.append(String.format(Locale.ROOT, " %s %d tried, %d refused;", kind, c[0], c[1])));
        System.out.println(summary);
        tally.forEach((kind, c) -> assertThat(c[1]).as("%s refused of %s tried (%s)", kind, c[0], summary).isEqualTo(c[0]));

        // Nothing changed but what the valid documents did (a rename that survived its edits), and the server answers.
        long renames = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%AssetRenamed'",
                Long.class, bat);
        assertThat(eventCount() - renames).isEqualTo(eventsBefore);
        assertThat(readings()).isEqualTo(readingsBefore);
        assertThat((String) GraphQl.value(graphQl(Role.VIEWER).ok("{ asset(id: \"" + bat + "\") { id } }"), "asset.id")).isEqualTo(bat);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> limits(Map<String, Object> input) {
        return (Map<String, Object>) input.get("limits");
    }

    /**
     * WebSocket messages (graphql-transport-ws): on an acknowledged connection, a valid {@code subscribe} broken in its
     * JSON, its shape, its order or its document; a frame the protocol has no use for (binary); a {@code subscribe}
     * before {@code connection_init}. Each must be refused: the connection closed with a protocol code (4400 invalid
     * message, 4401 unauthorised, 4409 duplicate id, 4429 a second init, 1003 binary data) or errors for its id (an
     * {@code error} message, or a {@code next} carrying the parser's or validator's errors) that say why. The first
     * run found malformed JSON closed with 1011 and no reason: {@code StrictGraphQlWebSocketHandler} now answers 4400. An edit that leaves a valid subscription is counted apart (it is answered nothing:
     * no error, the connection open). Nothing is stored, and a fresh connection is acknowledged at the end.
     */
    @Test
    void everyBrokenWebSocketMessageIsRefusedAndTheServerStaysHealthy() throws Exception {
        long eventsBefore = eventCount();
        long readingsBefore = readings();
        String token = token(Role.VIEWER);
        String document = "subscription { assetTelemetry(assetId: \"" + bat + "\") { at powerMw soc } }";
        String subscribe = JSON.writeValueAsString(Map.of("id", "s1", "type", "subscribe", "payload", Map.of("query", document)));
        Map<Integer, Integer> closeCodes = new TreeMap<>();
        int errorMessages = 0;
        int left = 0;
        for (int i = 0; i < CASES; i++) {
            int kind = random.nextInt(5);
            try (var socket = kind == 3 ? org.vpp.api.support.GraphQlSocket.raw(port)
                    : org.vpp.api.support.GraphQlSocket.connect(port, token)) {
                switch (kind) {
                    case 0 -> socket.sendRaw(edited(subscribe, "{}[]:,\"\\")); // the JSON broken
                    case 1 -> socket.sendRaw(switch (random.nextInt(10)) { // valid JSON of the wrong shape or order
                        case 0 -> "{\"type\":\"" + text(1 + random.nextInt(12)) + "\"}";
                        case 1 -> "{\"id\":" + random.nextInt(1000) + ",\"type\":\"subscribe\",\"payload\":{\"query\":\"" + document.replace("\"", "\\\"") + "\"}}";
                        case 2 -> "{\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { alerts { kind } }\"}}";
                        case 3 -> "{\"id\":\"s1\",\"type\":\"subscribe\",\"payload\":\"" + text(8) + "\"}";
                        case 4 -> "{\"id\":\"s1\",\"type\":\"subscribe\"}";
                        case 5 -> random.nextBoolean() ? "[]" : String.valueOf(random.nextInt());
                        case 6 -> "{\"type\":\"" + withControl("subscribe").replace("\\", "") .chars().mapToObj(c -> c < 0x20 || c >= 0x7f
                                ? String.format(Locale.ROOT, "\\u%04x", c) : String.valueOf((char) c)).reduce("", String::concat) + "\"}";
                        case 7 -> "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + token + "\"}}";
                        case 8 -> { // the same id twice while the first runs
                            socket.sendRaw(subscribe);
                            yield subscribe;
                        }
                        default -> "{\"id\":\"s1\",\"type\":\"subscribe\",\"payload\":{\"query\":" + random.nextInt() + "}}";
                    });
                    case 2 -> { // the document broken: characters deleted, doubled, swapped for braces, or a control character
                        String query = random.nextInt(4) == 0 ? withControl(document) : edited(document, "{}()[]:$@!\"");
                        socket.sendRaw(JSON.writeValueAsString(Map.of("id", "s1", "type", "subscribe", "payload", Map.of("query", query))));
                    }
                    case 3 -> socket.sendRaw(subscribe); // before connection_init
                    default -> { // a binary frame
                        byte[] bytes = new byte[1 + random.nextInt(64)];
                        random.nextBytes(bytes);
                        socket.sendBinary(bytes);
                    }
                }
                boolean answered = awaitRefusal(socket, Duration.ofSeconds(3));
                if (socket.isClosed()) {
                    closeCodes.merge(socket.closeCode(), 1, Integer::sum);
                    tried("WebSocket messages", PROTOCOL_REFUSALS.contains(socket.closeCode()));
                } else if (answered) {
                    errorMessages++;
                    tried("WebSocket messages", socket.received().stream().map(FuzzIT::socketErrors).filter(Objects::nonNull)
                            .allMatch(errors -> !errors.isEmpty() && errors.stream().allMatch(e -> e instanceof Map<?, ?> err
                                    && err.get("message") instanceof String message && !message.isBlank())));
                } else if (kind == 0 || kind == 2) {
                    left++; // an edit that left a valid subscription (inside a string, say): it runs, silently
                } else {
                    tried("WebSocket messages", false);
                }
            }
        }
        String summary = String.format(Locale.ROOT, "WebSocket fuzz (seed %d): %d tried, %d refused (close codes %s, %d error messages), %d edits left a valid subscription",
                SEED, tally.get("WebSocket messages")[0], tally.get("WebSocket messages")[1], closeCodes, errorMessages, left);
        System.out.println(summary);
        assertThat(tally.get("WebSocket messages")[1]).as(summary).isEqualTo(tally.get("WebSocket messages")[0]);

        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(readings()).isEqualTo(readingsBefore);
        try (var healthy = org.vpp.api.support.GraphQlSocket.connect(port, token)) {
            assertThat(healthy.received()).anyMatch(m -> "connection_ack".equals(m.get("type")));
        }
    }

    /** 4400 invalid message, 4401 unauthorised, 4409 duplicate id, 4429 a second init, 1003 data the protocol has no use for. */
    private static final java.util.Set<Integer> PROTOCOL_REFUSALS = java.util.Set.of(4400, 4401, 4409, 4429, 1003);

    /** A message's GraphQL errors: an {@code error} message's payload, or a {@code next} carrying errors; else null. */
    @SuppressWarnings("unchecked")
    private static List<Object> socketErrors(Map<String, Object> message) {
        if ("error".equals(message.get("type")) && message.get("payload") instanceof List<?> errors) return (List<Object>) errors;
        if ("next".equals(message.get("type")) && message.get("payload") instanceof Map<?, ?> payload
                && payload.get("errors") instanceof List<?> errors) return (List<Object>) errors;
        return null;
    }

    /** Waits until the server closes the connection or answers with errors; false when neither came in time. */
    private static boolean awaitRefusal(org.vpp.api.support.GraphQlSocket socket, Duration within) {
        try {
            org.awaitility.Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(10)).until(() -> socket.isClosed()
                    || socket.received().stream().anyMatch(m -> socketErrors(m) != null));
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException none) {
            return false;
        }
    }
}
