package io.litj.node.auth;

import io.litj.node.registry.Pkp;
import io.litj.protocol.LitBugException;
import io.litj.protocol.auth.AuthContext;
import io.litj.protocol.crypto.Bytes;

/**
 * What the {@code pkp/sign} checks know about one request, filled in as they pass. Confined to one
 * {@link PkpSignAuthorizer#authorize} call; reading a value before the check that records it ran is a bug.
 */
final class PkpSignState {
    private final PkpSignRequest request;
    Bytes digest;
    String tokenId;
    Pkp pkp;
    AuthContext auth;

    PkpSignState(PkpSignRequest request) {
        this.request = request;
    }

    PkpSignRequest request() {
        return request;
    }

    /** The 32 bytes to sign, once {@code ToSignCheck} passed. */
    Bytes digest() {
        return recorded(digest, "digest");
    }

    /** {@code keccak256(pubkey)}, once {@code PkpKeyCheck} passed. */
    String tokenId() {
        return recorded(tokenId, "tokenId");
    }

    /** The registered PKP, once {@code PkpExistsCheck} passed. */
    Pkp pkp() {
        return recorded(pkp, "pkp");
    }

    /** The verified session, once {@code PkpSessionCheck} passed. */
    AuthContext auth() {
        return recorded(auth, "auth");
    }

    private static <T> T recorded(T value, String name) {
        if (value == null) {
            throw new LitBugException("pkp/sign state " + name + " was read before a check recorded it");
        }
        return value;
    }
}
