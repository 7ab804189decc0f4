package io.litj.node.keys;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

/**
 * The bearer secret of a network's admin API ({@code /litj/admin/v1/…}, e.g. starting a DKG): 32 random bytes as
 * 64 hex digits in {@value #FILE_NAME}, an owner-only file next to the registry, written by the devnet when it
 * creates a network. Every node of the registry reads the same file; a node whose registry folder has none refuses
 * every admin call.
 *
 * <p>Security: never printed ({@link #toString()} is constant); {@link #matches} compares in constant time (SHA-256
 * of both sides, so the length does not leak either); {@link #exportSecret()} is for the admin client that sends it.
 */
public final class AdminToken {
    /** The token file's name, in the registry's folder. */
    public static final String FILE_NAME = "admin.token";

    private final byte[] digest;
    private final String token;

    private AdminToken(String token) {
        this.token = token;
        this.digest = Hashes.sha256(token.getBytes(StandardCharsets.UTF_8));
    }

    /** Where the token of the network whose registry is {@code registryFile} lives. */
    public static Path fileFor(Path registryFile) {
        return registryFile.toAbsolutePath().getParent().resolve(FILE_NAME);
    }

    /**
     * Reads the token of {@code file}, creating it (owner-only, atomically) if absent.
     *
     * @throws LitNodeException {@code NodeSystemFault} if the file cannot be written or read, or others can read it
     */
    public static AdminToken loadOrCreate(Path file, SecureRandom random) {
        if (!Files.exists(file)) {
            byte[] raw = new byte[32];
            random.nextBytes(raw);
            SecretFiles.write(file, Hex.encode(raw));
        }
        return read(file).orElseThrow(() -> new LitNodeException(LitErrorCode.NodeSystemFault,
                "cannot read the admin token " + file));
    }

    /**
     * The token in {@code file}, or empty if there is no such file.
     *
     * @throws LitNodeException {@code NodeSystemFault} if the file is readable by others, unreadable, or not 64 hex
     */
    public static Optional<AdminToken> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text = SecretFiles.read(file);
        if (!text.matches("[0-9a-f]{64}")) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, file + " does not hold a 64-hex admin token");
        }
        return Optional.of(new AdminToken(text));
    }

    /** True if {@code presented} is this token; constant time. */
    public boolean matches(String presented) {
        Objects.requireNonNull(presented, "presented");
        return MessageDigest.isEqual(digest, Hashes.sha256(presented.getBytes(StandardCharsets.UTF_8)));
    }

    /** The token text, to send as {@code Authorization: Bearer <token>}: for admin clients only. */
    public String exportSecret() {
        return token;
    }

    @Override
    public String toString() {
        return "AdminToken[redacted]";
    }
}
