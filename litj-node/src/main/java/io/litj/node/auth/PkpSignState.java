package io.litj.node.auth;

import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.protocol.LitBugException;
import io.litj.protocol.auth.AuthContext;
import io.litj.protocol.crypto.Bytes;
import java.util.Optional;

/**
 * What the {@code pkp/sign} checks know about one request, filled in as they pass. Confined to one
 * {@link PkpSignAuthorizer#authorize} call; reading a value before the check that records it ran is a bug.
 */
final class PkpSignState {
    private final PkpSignBody request;
    /** The scope the caller needs: 1 (sign anything) for {@code pkp/sign}; 2 for an action's personal sign. */
    final int scope;
    /** The CID of the Lit Action that asks to sign, if one does (its permission counts as the caller's). */
    final Optional<String> actionCid;
    Bytes digest;
    String tokenId;
    Pkp pkp;
    AuthContext auth;

    PkpSignState(PkpSignBody request) {
        this(request, PkpPermission.SCOPE_SIGN_ANYTHING, Optional.empty());
    }

    PkpSignState(PkpSignBody request, int scope, Optional<String> actionCid) {
        this.request = request;
        this.scope = scope;
        this.actionCid = actionCid;
    }

    PkpSignBody request() {
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
