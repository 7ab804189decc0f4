package io.litj.node.auth;

import io.litj.node.registry.Pkp;
import io.litj.protocol.auth.AuthContext;
import io.litj.protocol.crypto.Bytes;
import java.util.Objects;

/**
 * What {@link PkpSignAuthorizer} allowed: sign {@code digest} (32 bytes, never hashed by the node) with the key of
 * {@code pkp}, for the caller of {@code auth}. Immutable; holds no secret.
 *
 * @param pkp the registered PKP
 * @param digest the 32 bytes to sign
 * @param auth the verified session
 */
public record PkpSignGrant(Pkp pkp, Bytes digest, AuthContext auth) {
    public PkpSignGrant {
        Objects.requireNonNull(pkp, "pkp");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(auth, "auth");
    }
}
