package io.litj.node.auth;

import io.litj.node.registry.Block;
import io.litj.node.registry.Pkp;
import io.litj.protocol.LitBugException;
import io.litj.protocol.recap.Recap;
import io.litj.protocol.siwe.SiweMessage;
import java.util.List;
import java.util.Optional;

/**
 * What the {@code sign_session_key} checks know about one request, filled in as they pass. Confined to one
 * {@link SessionKeyAuthorizer#authorize} call; reading a value before the check that records it ran is a bug.
 */
final class SessionKeyState {
    private final SessionKeyRequest request;
    Optional<String> actionCid;
    SiweMessage siwe;
    ResolvedAuthContext context;
    List<EthWalletLogin> logins;
    Pkp pkp;
    Block block;
    Recap userRecap;

    SessionKeyState(SessionKeyRequest request) {
        this.request = request;
    }

    SessionKeyRequest request() {
        return request;
    }

    /** The CID of the request's Lit Action (computed from its code), if any, once {@code ActionSourceCheck} passed. */
    Optional<String> actionCid() {
        return recorded(actionCid, "actionCid");
    }

    /** The request's SIWE template, once {@code RequestSiweParseCheck} passed. */
    SiweMessage siwe() {
        return recorded(siwe, "siwe");
    }

    /** What the request proved so far: its auth methods, then the authorizing Lit Action. */
    ResolvedAuthContext context() {
        return recorded(context, "context");
    }

    /** The request's verified EthWallet logins, in request order, once {@code AuthMethodsCheck} passed. */
    List<EthWalletLogin> logins() {
        return recorded(logins, "logins");
    }

    /** The PKP, once {@code PkpLookupCheck} passed. */
    Pkp pkp() {
        return recorded(pkp, "pkp");
    }

    /** The block the SIWE nonce names, once {@code RequestSiweNonceCheck} passed. */
    Block block() {
        return recorded(block, "block");
    }

    /** The user's ReCap, once {@code RequestRecapCheck} passed. */
    Recap userRecap() {
        return recorded(userRecap, "userRecap");
    }

    private static <T> T recorded(T value, String name) {
        if (value == null) {
            throw new LitBugException("sign_session_key state " + name + " was read before a check recorded it");
        }
        return value;
    }
}
