package io.litj.client;

import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.SessionKeyPair;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link SessionStore} keeps for one {@link SessionStoreKey}: the session key and, once the account signed,
 * the session-granting AuthSig.
 *
 * <p>Security: holds a secret key and a bearer credential; {@link #toString()} shows the key fingerprint and the
 * AuthSig's redacted form only. Compare keys with {@link SessionKeyPair#sameSecretAs}, not {@code equals}.
 */
public record StoredSession(SessionKeyPair key, Optional<AuthSig> authSig) {
    public StoredSession {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(authSig, "authSig");
    }

    /** A session key that has no grant yet. */
    public static StoredSession keyOnly(SessionKeyPair key) {
        return new StoredSession(key, Optional.empty());
    }

    @Override
    public String toString() {
        return "StoredSession[key=" + key.fingerprint() + " authSig=" + authSig.map(AuthSig::toString).orElse("-")
                + "]";
    }
}
