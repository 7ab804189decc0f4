package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.node.registry.Pkp;
import io.litj.node.registry.PkpPermission;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.EthAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * §3.1 step 8: the PKP lets a proven party have a session signed for it ({@code lit-node-behaviour.md} §3.3, the
 * litj subset): some permission of the PKP must match a verified auth method or the Lit Action of the request and
 * carry scope 2 (personal sign) or 1 (sign anything, which covers 2):
 * <ul>
 *   <li>EthWallet contexts match type 1 permissions by address (compared without case);</li>
 *   <li>action CIDs in {@code actionIpfsIds} match type 2 permissions by CID (exactly).</li>
 * </ul>
 * No permission matches: {@code NodePKPNotAuthorized}. Some match but none has the scope:
 * {@code NodeAuthSigScopeTooLimited}. (Datil also accepts the PKP's NFT owner and other auth method types; a litj
 * registry records neither.)
 *
 * <p>litj (issue 8): the check runs <em>before</em> the Lit Action, counting the action's CID as if it had answered
 * {@code true}; {@code LitActionCheck} then runs it only for a request that its answer could authorize. Datil runs
 * the action first (step 5), so anyone can have any code run there with {@code authMethods: []}. Both orders
 * authorize the same requests: the action's CID is proven only when the action answers {@code true}, and
 * {@code LitActionCheck} refuses every other answer.
 */
final class PkpPermissionCheck implements SessionKeyCheck {
    /** The scope a session signature needs. */
    static final int REQUIRED_SCOPE = PkpPermission.SCOPE_PERSONAL_SIGN;

    @Override
    public void check(SessionKeyState state) {
        ResolvedAuthContext context = state.context();
        require(state.pkp(), context.authMethodContexts(), state.actionCid().map(List::of).orElse(List.of()));
    }

    @Override
    public Set<LitErrorCode> codes() {
        return Set.of(LitErrorCode.NodePKPNotAuthorized, LitErrorCode.NodeAuthSigScopeTooLimited);
    }

    /**
     * Passes if {@code context} is permitted on {@code pkp} with the required scope.
     *
     * @throws LitNodeException {@code NodePKPNotAuthorized} or {@code NodeAuthSigScopeTooLimited}
     */
    static void require(Pkp pkp, ResolvedAuthContext context) {
        require(pkp, context.authMethodContexts(), context.actionIpfsIds());
    }

    /**
     * Passes if one of {@code methods} or {@code actionCids} is permitted on {@code pkp} with the required scope.
     *
     * @throws LitNodeException {@code NodePKPNotAuthorized} or {@code NodeAuthSigScopeTooLimited}
     */
    static void require(Pkp pkp, List<AuthMethodContext> methods, List<String> actionCids) {
        require(pkp, methods, actionCids, REQUIRED_SCOPE);
    }

    /**
     * Passes if one of {@code methods} or {@code actionCids} is permitted on {@code pkp} with {@code scope}
     * ({@link PkpPermission#allows}: sign-anything also covers personal-sign).
     *
     * @throws LitNodeException {@code NodePKPNotAuthorized} or {@code NodeAuthSigScopeTooLimited}
     */
    static void require(Pkp pkp, List<AuthMethodContext> methods, List<String> actionCids, int scope) {
        Objects.requireNonNull(pkp, "pkp");
        List<PkpPermission> matched = new ArrayList<>();
        for (PkpPermission p : pkp.permissions()) {
            if (matches(p, methods, actionCids)) {
                if (p.allows(scope)) {
                    return;
                }
                matched.add(p);
            }
        }
        if (matched.isEmpty()) {
            throw new LitNodeException(LitErrorCode.NodePKPNotAuthorized, "PKP " + pkp.ethAddress()
                    + " permits none of " + proven(methods, actionCids));
        }
        TreeSet<String> found = new TreeSet<>();
        matched.forEach(p -> found.add("type " + p.authMethodType() + " " + p.id() + " with scopes " + p.scopes()));
        String needs = scope == PkpPermission.SCOPE_PERSONAL_SIGN
                ? "a session needs scope " + scope + " (personal sign) or " + PkpPermission.SCOPE_SIGN_ANYTHING
                        + " (sign anything)"
                : "signing any digest needs scope " + scope + " (sign anything)";
        throw new LitNodeException(LitErrorCode.NodeAuthSigScopeTooLimited, "PKP " + pkp.ethAddress() + " permits "
                + found + " but " + needs);
    }

    private static boolean matches(PkpPermission p, List<AuthMethodContext> methods, List<String> actionCids) {
        if (p.authMethodType() == PkpPermission.ETH_WALLET) {
            return methods.stream()
                    .filter(c -> c.authMethodType() == AuthMethodContext.ETH_WALLET)
                    .anyMatch(c -> c.userId().toLowerCase(Locale.ROOT).equals(p.id().toLowerCase(Locale.ROOT))
                            || c.userId().matches("0x[0-9a-fA-F]{40}")
                            && p.permitsWallet(EthAddress.parse(c.userId(), "userId")));
        }
        if (p.authMethodType() == PkpPermission.LIT_ACTION) {
            return actionCids.contains(p.id());
        }
        return false;
    }

    private static String proven(List<AuthMethodContext> methods, List<String> actionCids) {
        TreeSet<String> out = new TreeSet<>();
        methods.forEach(c -> out.add("type " + c.authMethodType() + " " + c.userId()));
        actionCids.forEach(cid -> out.add("type 2 " + cid));
        return out.isEmpty() ? "[] (the request proved nothing: no auth method and no Lit Action)" : out.toString();
    }
}
