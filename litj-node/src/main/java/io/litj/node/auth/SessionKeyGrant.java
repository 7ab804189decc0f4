package io.litj.node.auth;

import io.litj.node.registry.Pkp;
import java.util.Objects;

/**
 * An authorized {@code sign_session_key} request: the SIWE the network may sign for the session, and why.
 * Produced only by {@link SessionKeyAuthorizer} after every check passed.
 *
 * @param pkp the PKP whose address the SIWE names
 * @param siweMessage the SIWE text to sign, identical on every node for the same request
 * @param authContext what the request proved, as signed into the SIWE
 */
public record SessionKeyGrant(Pkp pkp, String siweMessage, ResolvedAuthContext authContext) {
    public SessionKeyGrant {
        Objects.requireNonNull(pkp, "pkp");
        Objects.requireNonNull(siweMessage, "siweMessage");
        Objects.requireNonNull(authContext, "authContext");
    }

    @Override
    public String toString() {
        return "SessionKeyGrant[pkp=" + pkp.ethAddress() + " siweMessage=" + siweMessage.length() + " chars "
                + authContext + "]";
    }
}
