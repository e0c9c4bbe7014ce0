package org.vpp.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The key tokens are signed with: configured, or created once in the data directory and read from there after. */
final class TokenSecret {

    static final int MIN_BYTES = 32;

    private TokenSecret() {
    }

    static byte[] load(String configured, Path dataDir) {
        if (configured != null) {
            byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_BYTES) {
                throw new IllegalStateException("vpp.security.token-secret (VPP_TOKEN_SECRET) must be at least " + MIN_BYTES
                        + " bytes, got " + bytes.length);
            }
            return bytes;
        }
        Path file = dataDir.resolve("token-secret");
        try {
            if (Files.exists(file)) {
                byte[] bytes = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
                if (bytes.length < MIN_BYTES) throw new IllegalStateException(file + " holds fewer than " + MIN_BYTES + " bytes");
                return bytes;
            }
            byte[] bytes = new byte[MIN_BYTES];
            new SecureRandom().nextBytes(bytes);
            writePrivate(file, Base64.getEncoder().encodeToString(bytes) + "\n");
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token secret " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not Base64: delete it to have a new secret made (every token is then void)", e);
        }
    }

    /** Writes a file only its owner may read (where the file system knows POSIX permissions), replacing it whole. */
    static void writePrivate(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // A file system without POSIX permissions (e.g. Windows): the file is created with the directory's own
            // access rules, which the operator must restrict; said once, naming the file.
            Files.createFile(tmp);
            org.slf4j.LoggerFactory.getLogger(TokenSecret.class).warn("{}: this file system has no POSIX permissions;"
                    + " restrict access to it by hand, it holds a credential", file.toAbsolutePath());
        }
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
