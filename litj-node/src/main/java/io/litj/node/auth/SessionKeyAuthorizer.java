package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.node.actions.ActionRuntime;
import io.litj.node.registry.Registry;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hex;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether the network may sign a session for a PKP, and what it signs: {@code POST
 * /web/sign_session_key/v1} ({@code lit-node-behaviour.md} §3.1, with the safer choices of §10) as a fixed list of
 * named checks. They run in this order; the first failure refuses the request with its code:
 * <ol>
 *   <li>{@code SessionKeyFormatCheck} — {@code sessionKey} is {@code lit:session:} + 64 hex</li>
 *   <li>{@code AuthMethodsLimitCheck} — at most 4 auth methods, none twice, before any is verified</li>
 *   <li>{@code ActionSourceCheck} — a Lit Action comes as code, not by IPFS id; its CID is computed</li>
 *   <li>{@code RequestSiweParseCheck} — the SIWE template parses, no {@code lit-resolvedauthcontext} (step 1)</li>
 *   <li>{@code AuthMethodsCheck} — every auth method verifies; an EthWallet login is recent (step 2)</li>
 *   <li>{@code PkpLookupCheck} — the PKP is found (step 3)</li>
 *   <li>{@code RequestSiweUriCheck} — SIWE URI = {@code sessionKey} (step 4)</li>
 *   <li>{@code RequestSiweTimeCheck} — the SIWE time rules of {@code SessionTimeRules} (step 4)</li>
 *   <li>{@code RequestSiweNonceCheck} — the nonce names a recent block (step 6)</li>
 *   <li>{@code RequestRecapCheck} — the user's ReCap; before any Lit Action runs, so a malformed request costs no
 *   execution</li>
 *   <li>{@code PkpPermissionCheck} — the PKP permits an auth method or the action's CID, with scope 2 or 1 (step 8;
 *   litj: before the action runs, so an action the PKP does not permit costs no execution)</li>
 *   <li>{@code LoginReplayCheck} — each EthWallet login serves this node for one session key only</li>
 *   <li>{@code LitActionCheck} — the optional Lit Action answers {@code true} (step 5)</li>
 * </ol>
 * Then the SIWE to sign is built ({@link SessionSiweBuilder}, step 7), expiring no later than the request's
 * earliest login. Signing (step 9) is the caller's: this class holds no key. Each check is one package-private class
 * declaring its codes; {@code docs/pkp-sessions.md} lists them with their rules.
 *
 * <p>A refusal is a {@link LitNodeException} with the failing check's code and message whose first {@code details}
 * line is {@code "<check>: <message>"} (see {@link LitNodeException#refusedBy}); a failing Lit Action stays an
 * {@link io.litj.node.actions.ActionException} with its logs.
 *
 * <p>Thread-safe; time comes from the injected clock. One instance per node: it remembers the logins it accepted
 * ({@link LoginLimits}). Security: access tokens and action responses never appear in errors or logs.
 */
public final class SessionKeyAuthorizer {
    private final List<SessionKeyCheck> checks;

    /**
     * An authorizer with the default {@link LoginLimits}.
     *
     * @param registry the network's PKPs and blocks
     * @param runtime runs Lit Actions that authorize sessions
     * @param clock the node clock
     */
    public SessionKeyAuthorizer(Registry registry, ActionRuntime runtime, Clock clock) {
        this(registry, runtime, clock, LoginLimits.defaults());
    }

    /**
     * @param registry the network's PKPs and blocks
     * @param runtime runs Lit Actions that authorize sessions
     * @param clock the node clock
     * @param loginLimits how recent an EthWallet login must be, and how many this node remembers
     */
    public SessionKeyAuthorizer(Registry registry, ActionRuntime runtime, Clock clock, LoginLimits loginLimits) {
        this(registry, Objects.requireNonNull(runtime, "runtime")::run, clock, loginLimits);
    }

    /** With {@code runner} in place of a runtime (tests count what runs). */
    SessionKeyAuthorizer(Registry registry, LitActionCheck.Runner runner, Clock clock, LoginLimits loginLimits) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(loginLimits, "loginLimits");
        BlockNonce nonces = new BlockNonce(registry, clock);
        this.checks = List.of(
                new SessionKeyFormatCheck(),
                new AuthMethodsLimitCheck(),
                new ActionSourceCheck(),
                new RequestSiweParseCheck(),
                new AuthMethodsCheck(new EthWalletAuthMethod(nonces, clock, loginLimits.maxLoginAge())),
                new PkpLookupCheck(registry),
                new RequestSiweUriCheck(),
                new RequestSiweTimeCheck(clock),
                new RequestSiweNonceCheck(nonces),
                new RequestRecapCheck(),
                new PkpPermissionCheck(),
                new LoginReplayCheck(new LoginLedger(loginLimits.maxRememberedLogins()), clock),
                new LitActionCheck(runner));
    }

    /**
     * Runs the checks listed in the class comment, then builds the SIWE to sign.
     *
     * @return the SIWE to sign, its PKP and auth context
     * @throws LitNodeException with the code of the first failed check and its name in {@code details}; a failing
     *     Lit Action throws {@link io.litj.node.actions.ActionException} with its logs
     */
    public SessionKeyGrant authorize(SessionKeyRequest request) {
        Objects.requireNonNull(request, "request");
        SessionKeyState state = new SessionKeyState(request);
        for (SessionKeyCheck check : checks) {
            try {
                check.check(state);
            } catch (LitNodeException e) {
                throw e.refusedBy(check.name());
            }
        }
        EthAddress pkpAddress = EthAddress.fromPublicKey(Hex.decode(state.pkp().publicKey(), "PKP public key"));
        Optional<Instant> loginsExpire = state.context().authMethodContexts().stream()
                .map(AuthMethodContext::expiration).min(Comparator.naturalOrder());
        String toSign = SessionSiweBuilder.build(state.siwe(), state.userRecap(), pkpAddress, state.block(),
                state.context().toJson(), loginsExpire);
        return new SessionKeyGrant(state.pkp(), toSign, state.context());
    }

    /** The checks, in the order they run. */
    List<SessionKeyCheck> checks() {
        return checks;
    }
}
