package org.vpp.api.telemetry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vpp.api.security.Caller;
import org.vpp.api.security.Callers;
import org.vpp.api.security.RateLimits;
import org.vpp.query.telemetry.IngestResult;
import org.vpp.query.telemetry.ReadingInput;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Bulk telemetry as NDJSON: one reading per line, {@code {"assetId":"bat-1","at":"2026-11-21T14:15:00Z",
 * "powerMw":1.2,"soc":0.56,"available":true}}; {@code at} may also be epoch seconds. The request is streamed and
 * stored all or nothing: 200 with the counts, or 422 with the problems by line number and nothing stored.
 */
@RestController
@RequestMapping("/api/telemetry")
public class TelemetryHttpController {

    private final TelemetryIngestion ingestion;
    private final ObjectMapper json;
    private final RateLimits limits;

    public TelemetryHttpController(TelemetryIngestion ingestion, ObjectMapper json, RateLimits limits) {
        this.ingestion = ingestion;
        this.json = json;
        this.limits = limits;
    }

    public record Problem(long line, String field, String message) {
    }

    public record Response(long received, long stored, List<Problem> errors, boolean errorsTruncated) {
    }

    /**
     * Only NDJSON content types: a web page can post {@code text/plain} across sites without asking, but not these (and
     * not the bearer token it would also need).
     */
    @PostMapping(consumes = {"application/x-ndjson", "application/jsonl"})
    public ResponseEntity<?> ingest(InputStream body) {
        Caller caller = Callers.current().orElseThrow();
        try {
            limits.acquire(caller.subject(), RateLimits.Kind.TELEMETRY);
        } catch (RateLimits.Exceeded e) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).body(java.util.Map.of("errors",
                    List.of(java.util.Map.of("message", e.getMessage(), "extensions", java.util.Map.of("code", "RATE_LIMITED")))));
        }
        IngestResult result = ingestion.ingest(new Lines(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)), json),
                caller);
        List<Problem> problems = result.problems().stream().map(p -> new Problem(p.index() + 1, p.field(), p.message())).toList();
        Response response = new Response(result.received(), result.stored(), problems, result.problemsTruncated());
        return ResponseEntity.status(result.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(response);
    }

    /** Reads lines lazily, so a million readings never sit in memory as text. Blank lines count as malformed. */
    static final class Lines implements Iterator<ReadingInput> {
        private final BufferedReader reader;
        private final ObjectMapper json;
        private String next;

        Lines(BufferedReader reader, ObjectMapper json) {
            this.reader = reader;
            this.json = json;
            advance();
        }

        private void advance() {
            try {
                next = reader.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public ReadingInput next() {
            if (next == null) throw new NoSuchElementException();
            String line = next;
            advance();
            return parse(line, json);
        }
    }

    static ReadingInput parse(String line, ObjectMapper json) {
        if (line.isBlank()) return ReadingInput.malformed("empty line");
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JacksonException e) {
            return ReadingInput.malformed("not valid JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject()) return ReadingInput.malformed("expected a JSON object per line");
        Instant at;
        JsonNode atNode = node.get("at");
        if (atNode == null || atNode.isNull()) {
            at = null;
        } else if (atNode.isNumber()) {
            at = epochSeconds(atNode);
            if (at == null) {
                return ReadingInput.malformed("at", "epoch seconds out of the representable range: " + atNode);
            }
        } else {
            try {
                at = OffsetDateTime.parse(atNode.asString()).toInstant();
            } catch (DateTimeParseException e) {
                return ReadingInput.malformed("at", "not an ISO-8601 instant with offset or epoch seconds: " + atNode.asString());
            }
        }
        return ReadingInput.of(text(node, "assetId"), at, number(node, "powerMw"), number(node, "soc"),
                node.has("available") ? (node.get("available").isBoolean() ? node.get("available").asBoolean() : null) : Boolean.TRUE);
    }

    /**
     * Epoch seconds, possibly fractional, as an instant; null when no instant can hold them (e.g. 1e18, 1e400). Whether
     * a representable instant is plausible is {@code TelemetryRules}' business, not the parser's.
     */
    static Instant epochSeconds(JsonNode number) {
        BigDecimal seconds;
        if (number.isIntegralNumber()) {
            seconds = new BigDecimal(number.bigIntegerValue());
        } else {
            double d = number.doubleValue();
            if (!Double.isFinite(d)) return null;
            seconds = BigDecimal.valueOf(d);
        }
        if (seconds.compareTo(MIN_SECONDS) < 0 || seconds.compareTo(MAX_SECONDS) > 0) return null;
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        return Instant.ofEpochSecond(whole.longValueExact(), seconds.subtract(whole).movePointRight(9).intValue());
    }

    private static final BigDecimal MIN_SECONDS = BigDecimal.valueOf(Instant.MIN.getEpochSecond());
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(Instant.MAX.getEpochSecond());

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isNumber() ? null : v.asDouble();
    }
}
