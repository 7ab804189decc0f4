package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.node.registry.Registry;
import io.litj.protocol.auth.AuthContext;
import io.litj.protocol.json.JsonValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether this node may add its signature share for {@code POST /web/pkp/sign/v1}
 * ({@code lit-node-behaviour.md} §1.7, §2.7, §3.3) as a fixed list of named checks. They run in this order, the
 * cheap ones first; the first failure refuses the request with its code, before any signing work:
 * <ol>
 *   <li>{@code AuthMethodsForbiddenCheck} — no {@code authMethods} ({@code NodeCannotProvideAuthMethodForEndpoint})</li>
 *   <li>{@code ToSignCheck} — {@code toSign} is exactly 32 bytes ({@code NodeBadInput})</li>
 *   <li>{@code PkpKeyCheck} — {@code pubkey} is a 65-byte uncompressed key; token id = its keccak256
 *   ({@code NodeBadInput})</li>
 *   <li>{@code PkpExistsCheck} — the registry holds that PKP ({@code NodePKPTokenIdNotFound})</li>
 *   <li>{@code PkpSessionCheck} — one session sig granting {@code pkp-signing} on {@code lit-pkp://<tokenId>}
 *   (wildcard allowed), validated by the {@link AuthGate}</li>
 *   <li>{@code WalletActionGrantCheck} — a session without a {@code lit.bls} auth context also grants
 *   {@code lit-litaction://*} execution (Datil)</li>
 *   <li>{@code PkpCallerCheck} — the PKP permits the caller with scope 1, sign anything
 *   ({@code NodePKPNotAuthorized}, {@code NodeAuthSigScopeTooLimited})</li>
 * </ol>
 * A refusal is a {@link LitNodeException} with the check's code and message whose first {@code details} line is
 * {@code "<check>: <message>"}; {@code docs/ecdsa-node.md} lists the checks. Holds no key; signing is the caller's.
 * Thread-safe.
 */
public final class PkpSignAuthorizer {
    private final List<PkpSignCheck> checks;

    /**
     * @param registry the network's PKPs
     * @param gate validates session sigs for this node
     */
    public PkpSignAuthorizer(Registry registry, AuthGate gate) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(gate, "gate");
        this.checks = List.of(
                new AuthMethodsForbiddenCheck(),
                new ToSignCheck(),
                new PkpKeyCheck(),
                new PkpExistsCheck(registry),
                new PkpSessionCheck(gate),
                new WalletActionGrantCheck(gate),
                new PkpCallerCheck());
    }

    /**
     * Runs the checks listed in the class comment.
     *
     * @return the PKP, digest and verified session to sign for
     * @throws LitNodeException with the code of the first failed check and its name first in {@code details}
     */
    public PkpSignGrant authorize(PkpSignBody request) {
        return run(new PkpSignState(Objects.requireNonNull(request, "request")), false);
    }

    /**
     * Whether the Lit Action {@code actionCid}, run in the verified session {@code auth}, may sign {@code toSign}
     * (32 bytes) with the PKP of {@code pubkey}: the shape checks, the PKP lookup and {@code PkpCallerCheck} with the
     * action's CID counted beside the session's caller, needing {@code scope} (1 sign anything, 2 personal sign).
     * The session itself was validated when the action was admitted.
     *
     * @throws LitNodeException as the checks of {@link #authorize} refuse
     */
    public PkpSignGrant authorizeAction(AuthContext auth, String actionCid, JsonValue toSign, JsonValue pubkey,
            int scope) {
        Objects.requireNonNull(auth, "auth");
        PkpSignState state = new PkpSignState(new PkpSignBody(toSign, pubkey, Optional.empty(), Optional.empty()),
                scope, Optional.of(actionCid));
        state.auth = auth;
        return run(state, true);
    }

    /** Runs the checks in order; with {@code sessionVerified}, the two that read the session sig are skipped. */
    private PkpSignGrant run(PkpSignState state, boolean sessionVerified) {
        for (PkpSignCheck check : checks) {
            if (sessionVerified && (check instanceof PkpSessionCheck || check instanceof WalletActionGrantCheck)) {
                continue;
            }
            try {
                check.check(state);
            } catch (LitNodeException e) {
                throw e.refusedBy(check.name());
            }
        }
        return new PkpSignGrant(state.pkp(), state.digest(), state.auth());
    }

    /** The checks, in the order they run. */
    List<PkpSignCheck> checks() {
        return checks;
    }
}
