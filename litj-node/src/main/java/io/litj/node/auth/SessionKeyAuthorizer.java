package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.node.actions.ActionRuntime;
import io.litj.node.registry.Block;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.Registry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.SessionTimeRules;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.recap.Recap;
import io.litj.protocol.siwe.SiweMessage;
import io.litj.protocol.siwe.SiweParser;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Decides whether the network may sign a session for a PKP, and what it signs: the checks of
 * {@code POST /web/sign_session_key/v1} ({@code lit-node-behaviour.md} §3.1, with the safer choices of §10). They
 * run in this order; the first failure refuses the request with its code:
 * <ol>
 *   <li>session key: {@code lit:session:} + 64 hex ({@code NodeBadInput}; litj: the network signs SIWEs for
 *   session keys only, never e.g. a {@code lit:capability:delegation});</li>
 *   <li>Lit Action source: code and IPFS id together, or an IPFS id alone (this network has no IPFS gateway to
 *   fetch code by id), are {@code NodeInvalidIPFSID};</li>
 *   <li>parse the SIWE ({@code NodeSIWEMessageError}); its statement must not mention
 *   {@code lit-resolvedauthcontext} ({@code NodeInvalidAuthContextResource}) — step 1;</li>
 *   <li>verify every auth method ({@link AuthMethods}) — step 2;</li>
 *   <li>find the PKP ({@link PkpLookup}) — step 3;</li>
 *   <li>SIWE URI = {@code sessionKey} exactly ({@code NodeSIWEMessageError}); the SIWE time rules
 *   ({@link SessionTimeRules#checkSiwe}); the nonce names a recent block ({@link BlockNonce},
 *   {@code NodeInvalidBlockhash}) — steps 4 and 6;</li>
 *   <li>the user capabilities: the last resource's ReCap ({@link SessionSiweBuilder#userCapabilities},
 *   {@code NodeSIWECapabilityInvalid} / {@code NodeInvalidAuthContextResource}) — read before any Lit Action
 *   runs, so a malformed request costs no execution;</li>
 *   <li>the optional Lit Action decides ({@link LitActionAuth}) — step 5;</li>
 *   <li>the PKP permits what was proven, with scope 2 or 1 ({@link PkpPermissionCheck}) — step 8;</li>
 *   <li>build the SIWE to sign ({@link SessionSiweBuilder}) — step 7.</li>
 * </ol>
 * Signing (step 9) is the caller's: this class holds no key.
 *
 * <p>Immutable and thread-safe; time comes from the injected clock. Security: access tokens and action responses
 * never appear in errors or logs.
 */
public final class SessionKeyAuthorizer {
    private static final Pattern SESSION_KEY = Pattern.compile("lit:session:[0-9a-fA-F]{64}");
    private static final String RESOLVED_PREFIX = "lit-resolvedauthcontext";

    private final AuthMethods authMethods;
    private final PkpLookup pkps;
    private final BlockNonce nonces;
    private final LitActionAuth litActions;
    private final Clock clock;

    /**
     * @param registry the network's PKPs and blocks
     * @param runtime runs Lit Actions that authorize sessions
     * @param clock the node clock
     */
    public SessionKeyAuthorizer(Registry registry, ActionRuntime runtime, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nonces = new BlockNonce(registry, clock);
        this.authMethods = new AuthMethods(new EthWalletAuthMethod(nonces, clock));
        this.pkps = new PkpLookup(registry);
        this.litActions = new LitActionAuth(runtime);
    }

    /**
     * Runs the checks listed in the class comment.
     *
     * @return the SIWE to sign, its PKP and auth context
     * @throws LitNodeException with the code of the first failed check; a failing Lit Action throws
     *     {@link io.litj.node.actions.ActionException} with its logs
     */
    public SessionKeyGrant authorize(SessionKeyRequest request) {
        Objects.requireNonNull(request, "request");
        requireSessionKey(request.sessionKey());
        requireOneActionSource(request);
        SiweMessage siwe = parseSiwe(request.siweMessage());
        List<AuthMethodContext> methods = authMethods.verify(request.authMethods());
        Pkp pkp = pkps.find(request.pkpPublicKey(), siwe, methods);
        Block block = checkSiwe(siwe, request.sessionKey());
        Recap user = SessionSiweBuilder.userCapabilities(siwe);
        ResolvedAuthContext context = runLitAction(request, ResolvedAuthContext.of(methods));
        PkpPermissionCheck.require(pkp, context);
        EthAddress pkpAddress = EthAddress.fromPublicKey(Hex.decode(pkp.publicKey(), "PKP public key"));
        String toSign = SessionSiweBuilder.build(siwe, user, pkpAddress, block, context.toJson());
        return new SessionKeyGrant(pkp, toSign, context);
    }

    private static void requireSessionKey(String sessionKey) {
        if (!SESSION_KEY.matcher(sessionKey).matches()) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "sessionKey must be lit:session:<64 hex> but is '"
                    + BlockNonce.cut(sessionKey) + "'");
        }
    }

    private static SiweMessage parseSiwe(String text) {
        SiweMessage siwe;
        try {
            siwe = SiweParser.parse(text);
        } catch (LitProtocolException e) {
            throw new LitNodeException(e.code(), "siweMessage: " + e.getMessage(), List.of(), e);
        }
        if (siwe.statement().filter(s -> s.contains(RESOLVED_PREFIX)).isPresent()) {
            throw new LitNodeException(LitErrorCode.NodeInvalidAuthContextResource, "siweMessage statement mentions "
                    + RESOLVED_PREFIX + ": only the nodes may grant it");
        }
        return siwe;
    }

    private Block checkSiwe(SiweMessage siwe, String sessionKey) {
        if (!siwe.uri().equals(sessionKey)) {
            throw new LitNodeException(LitErrorCode.NodeSIWEMessageError, "siweMessage URI must be the sessionKey "
                    + sessionKey + " but is " + BlockNonce.cut(siwe.uri()));
        }
        SessionTimeRules.checkSiwe("siweMessage", siwe, clock.instant()).ifPresent(broken -> {
            throw new LitNodeException(broken.code(), broken.message());
        });
        return nonces.recent(siwe.nonce(), "siweMessage");
    }

    private static void requireOneActionSource(SessionKeyRequest request) {
        if (request.litActionCode().isPresent() && request.litActionIpfsId().isPresent()) {
            throw new LitNodeException(LitErrorCode.NodeInvalidIPFSID,
                    "send either code or litActionIpfsId, not both");
        }
        if (request.litActionIpfsId().isPresent()) {
            throw new LitNodeException(LitErrorCode.NodeInvalidIPFSID, "litActionIpfsId "
                    + BlockNonce.cut(request.litActionIpfsId().get()) + " cannot be fetched: this network has no IPFS "
                    + "gateway; send the action as code (base64)");
        }
    }

    private ResolvedAuthContext runLitAction(SessionKeyRequest request, ResolvedAuthContext context) {
        if (request.litActionCode().isEmpty()) {
            return context;
        }
        return litActions.authorize(request.litActionCode().get(), request.jsParams(), context, request.headers());
    }
}
