package org.vpp.query.content;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.messages.bid.ContentReference;

/**
 * Immutable, content-addressed storage for large inputs and outputs (table {@code stored_content}). The id is the
 * kind and the SHA-256 of the content ({@code fleet-snapshot/3fa9…}), so the same content is stored once and a
 * second write is a no-op; a read checks the hash again, so content altered in the database is refused, not used.
 */
public class ContentStore {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private final JdbcTemplate jdbc;

    public ContentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores {@code content} under its hash (once) and returns its reference. */
    public ContentReference store(String kind, byte[] content, Instant now) {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("content kind must be lower-case letters, digits and '-': " + kind);
        }
        String sha = sha256(content);
        ContentReference reference = ContentReference.of(kind + "/" + sha, sha);
        jdbc.update("""
                INSERT INTO stored_content (content_id, sha256, kind, size_bytes, body, stored_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (content_id) DO NOTHING""",
                reference.id(), sha, kind, content.length, gzip(content), Timestamp.from(now));
        return reference;
    }

    /** The content of a reference, verified against its hash; empty when nothing is stored under its id. */
    public Optional<byte[]> read(ContentReference reference) {
        List<byte[]> bodies = jdbc.query("SELECT body FROM stored_content WHERE content_id = ?",
                (rs, n) -> rs.getBytes(1), reference.id());
        if (bodies.isEmpty()) return Optional.empty();
        byte[] content = gunzip(bodies.getFirst());
        String actual = sha256(content);
        if (!actual.equals(reference.sha256())) {
            throw new IllegalStateException("stored content " + reference.id() + " does not match its hash: expected "
                    + reference.sha256() + ", found " + actual);
        }
        return Optional.of(content);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] content) {
        var out = new ByteArrayOutputStream(Math.max(64, content.length / 4));
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] body) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
