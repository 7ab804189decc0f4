package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthContext;
import io.litj.protocol.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * §3.3 with scope 1: the PKP permits the caller to sign anything (scope 2, personal sign, for a Lit Action's
 * {@code ethPersonalSignMessageEcdsa}). The caller is what the verified session proves, and the Lit Action that
 * asks to sign, if one does:
 * <ul>
 *   <li>a PKP or Lit-Action session: the {@code lit.bls} auth context the network signed into the capability the
 *   validator verified (its auth methods by type and user id, its action CIDs);</li>
 *   <li>a wallet session: the wallet address the capability's signature recovered to, as an EthWallet method.</li>
 * </ul>
 * At most {@value #MAX_ENTRIES} auth methods and as many CIDs of a context are considered. No permission matches:
 * {@code NodePKPNotAuthorized}; only permissions without scope 1 (personal sign alone) match:
 * {@code NodeAuthSigScopeTooLimited}.
 */
final class PkpCallerCheck implements PkpSignCheck {
    static final int MAX_ENTRIES = 16;

    @Override
    public void check(PkpSignState state) {
        List<AuthMethodContext> methods = new ArrayList<>();
        List<String> cids = new ArrayList<>();
        AuthContext auth = state.auth();
        if (auth.resolvedAuthContext().isPresent()) {
            JsonValue.JsonObject ctx = auth.resolvedAuthContext().get();
            for (JsonValue v : items(ctx, "authMethodContexts")) {
                if (v instanceof JsonValue.JsonObject m && m.get("authMethodType").orElse(null)
                        instanceof JsonValue.JsonNumber type && m.get("userId").orElse(null)
                        instanceof JsonValue.JsonString user) {
                    methods.add(new AuthMethodContext((int) type.value(), user.value(), "lit", Instant.EPOCH));
                }
            }
            for (JsonValue v : items(ctx, "actionIpfsIds")) {
                if (v instanceof JsonValue.JsonString cid) {
                    cids.add(cid.value());
                }
            }
        } else {
            methods.add(new AuthMethodContext(AuthMethodContext.ETH_WALLET, auth.caller().toChecksumString(), "lit",
                    Instant.EPOCH));
        }
        state.actionCid.ifPresent(cids::add);
        PkpPermissionCheck.require(state.pkp(), methods, cids, state.scope);
    }

    private static List<JsonValue> items(JsonValue.JsonObject ctx, String name) {
        if (ctx.get(name).orElse(null) instanceof JsonValue.JsonArray a) {
            return a.items().subList(0, Math.min(MAX_ENTRIES, a.items().size()));
        }
        return List.of();
    }

    @Override
    public Set<LitErrorCode> codes() {
        return Set.of(LitErrorCode.NodePKPNotAuthorized, LitErrorCode.NodeAuthSigScopeTooLimited);
    }
}
