package io.litj.client;

import io.litj.client.internal.NodeCalls;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigType;
import io.litj.protocol.auth.SessionKeyPair;
import io.litj.protocol.auth.SessionRevocation;
import io.litj.protocol.auth.SessionSig;
import io.litj.protocol.auth.SessionSigPayload;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.auth.SignedRevocation;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.EthSigner;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.siwe.SiweParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code revokeSession} (litj, {@code docs/revocation.md}): finds in the session sigs the grants {@code granter}
 * signed for their session key — or, when there is none, the PKP grants (network-signed) of the session, which
 * {@code granter} revokes as the PKP's owner — signs one {@link SignedRevocation} per grant (scoped to that session
 * key) and POSTs
 * each to {@code /web/revoke} on every connected node. Succeeds when at least {@code minNodeCount} nodes accepted
 * every revocation; the stored session of these sigs is then dropped, so the next {@code getSessionSigs} signs a
 * new grant instead of re-using the revoked one.
 */
final class RevokeCall {
    static final String PATH = "/web/revoke";

    private RevokeCall() {
    }

    /** @throws LitClientException as {@link LitClient#revokeSession} */
    static SessionRevocationResult run(SessionSigs sigs, EthSigner granter, ClientConfig cfg, ConnectionState state) {
        SessionSigPayload payload = payloadOf(sigs);
        List<Grant> grants = grantsOf(payload, granter);
        List<String> targets = state.nodeUrls();
        List<String> digests = new ArrayList<>();
        List<String> accepted = new ArrayList<>(targets);
        List<NodeFailure> failures = new ArrayList<>();
        for (Grant grant : grants) {
            SignedRevocation revocation;
            try {
                revocation = grant.asOwner()
                        ? SignedRevocation.signAsPkpOwner(grant.text(), Optional.of(payload.sessionKey()), granter,
                        cfg.clock().instant())
                        : SignedRevocation.sign(grant.text(), Optional.of(payload.sessionKey()), granter,
                        cfg.clock().instant());
            } catch (LitProtocolException e) {
                throw LitClientException.from(e);
            }
            digests.add(SessionRevocation.grantDigest(grant.text()).hex0x());
            String requestId = NodeCalls.newRequestId(cfg.random());
            String body = JsJson.stringify(revocation.toJson());
            List<NodeFailure> these = new ArrayList<>();
            for (NodeCalls.Outcome o : NodeCalls.postAll(cfg.transport(), targets, PATH, url -> body, requestId,
                    cfg.requestTimeout())) {
                o.failure().ifPresent(f -> {
                    these.add(f);
                    accepted.remove(f.nodeUrl());
                });
            }
            if (targets.size() - these.size() < state.minNodeCount()) {
                throw NodeCalls.failed("revokeSession", these, targets.size(), requestId);
            }
            failures.addAll(these);
        }
        forgetStored(cfg, grants.getFirst().account(), payload);
        return new SessionRevocationResult(digests, payload.sessionKey(), accepted, failures);
    }

    private static SessionSigPayload payloadOf(SessionSigs sigs) {
        SessionSig first = sigs.byNodeUrl().values().stream().findFirst().orElseThrow(() -> new LitClientException(
                LitErrorCode.InvalidArgument, "the session sigs are empty: there is nothing to revoke"));
        try {
            return first.payload();
        } catch (LitProtocolException e) {
            throw new LitClientException(LitErrorCode.InvalidSessionSigs, "the session sig payload cannot be read: "
                    + e.getMessage());
        }
    }

    /** A grant to revoke: its SIWE text, its account, and whether the caller revokes it as the PKP's owner. */
    private record Grant(String text, EthAddress account, boolean asOwner) {
    }

    /**
     * The capabilities' SIWE texts that {@code granter} signed for this payload's session key; if none, its PKP
     * (network-signed) grants for that key, to revoke as their PKP's owner (nodes check the ownership).
     */
    private static List<Grant> grantsOf(SessionSigPayload payload, EthSigner granter) {
        String uri = SessionKeyPair.URI_PREFIX + payload.sessionKey();
        List<Grant> own = new ArrayList<>();
        List<Grant> pkps = new ArrayList<>();
        for (AuthSig capability : payload.capabilities()) {
            try {
                SiweMessage siwe = SiweParser.parse(capability.signedMessage());
                if (!siwe.uri().equalsIgnoreCase(uri)) {
                    continue;
                }
                if (siwe.ethAddress().equals(granter.address())) {
                    own.add(new Grant(capability.signedMessage(), siwe.ethAddress(), false));
                } else if (capability.type() == AuthSigType.BLS_NETWORK_SIG) {
                    pkps.add(new Grant(capability.signedMessage(), siwe.ethAddress(), true));
                }
            } catch (LitProtocolException e) {
                // not a SIWE grant: nothing of the granter's to revoke here
            }
        }
        if (own.isEmpty() && pkps.isEmpty()) {
            throw new LitClientException(LitErrorCode.InvalidArgument, "these session sigs hold no grant signed by "
                    + granter.address() + " for session key " + payload.sessionKey() + ", and no PKP grant its "
                    + "owner could revoke (see docs/revocation.md)");
        }
        return own.isEmpty() ? pkps : own;
    }

    private static void forgetStored(ClientConfig cfg, EthAddress account, SessionSigPayload payload) {
        try {
            cfg.store().clear(SessionStoreKey.of(cfg.network(), account, payload.resourceAbilityRequests()));
        } catch (RuntimeException e) {
            // the revocation stands; a stale stored grant would only be refused by the nodes
        }
    }
}
