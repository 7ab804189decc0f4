package io.litj.protocol.auth;

import io.litj.protocol.crypto.Bytes;
import java.time.Instant;
import java.util.Optional;

/**
 * The revocations a node knows ({@code docs/revocation.md}), as {@link SessionSigValidator} asks about them: is this
 * grant revoked for this session key? Implementations answer from memory (the check runs on every request) and
 * never return a revocation whose grant has expired at {@code now}.
 */
public interface RevocationList {
    /** No revocations (clients, tests). */
    RevocationList NONE = (grantDigest, sessionKeyHex, now) -> Optional.empty();

    /**
     * The revocation of grant {@code grantDigest} ({@link SessionRevocation#grantDigest(String)}) that covers
     * {@code sessionKeyHex}, if one is known and its grant is still alive at {@code now}.
     */
    Optional<SessionRevocation> find(Bytes grantDigest, String sessionKeyHex, Instant now);
}
