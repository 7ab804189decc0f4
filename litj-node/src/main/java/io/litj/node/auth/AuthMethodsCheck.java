package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * §3.1 step 2: every auth method of the request verifies, in request order; the first failure refuses the request.
 * Only EthWallet (type 1, {@link EthWalletAuthMethod}) is supported on litj networks; Lit Actions authorize through
 * the request's {@code code} instead. Every other type is refused with {@code NodeAuthSigNotSupported}, naming the
 * type: those methods need outside services (OAuth providers, WebAuthn keys on chain) that a litj devnet does not
 * have. Records the verified methods as the auth context so far, and the EthWallet logins for
 * {@code LoginReplayCheck}.
 */
final class AuthMethodsCheck implements SessionKeyCheck {
    private final EthWalletAuthMethod ethWallet;

    AuthMethodsCheck(EthWalletAuthMethod ethWallet) {
        this.ethWallet = Objects.requireNonNull(ethWallet, "ethWallet");
    }

    @Override
    public void check(SessionKeyState state) {
        List<EthWalletLogin> logins = verify(state.request().authMethods());
        state.logins = logins;
        state.context = ResolvedAuthContext.of(logins.stream().map(EthWalletLogin::context).toList());
    }

    /** {@code NodeAuthSigNotSupported}, then the codes of {@link EthWalletAuthMethod}. */
    @Override
    public Set<LitErrorCode> codes() {
        return Set.of(LitErrorCode.NodeAuthSigNotSupported, LitErrorCode.NodeInvalidAuthSig,
                LitErrorCode.NodeSIWESigConversionError, LitErrorCode.NodeSIWEMessageError,
                LitErrorCode.NodeIatOutsideGracePeriod, LitErrorCode.NodeUndefinedSiweExpiration,
                LitErrorCode.NodeExpWrongOrTooLarge, LitErrorCode.NodeInvalidBlockhash);
    }

    private List<EthWalletLogin> verify(List<SessionKeyRequest.AuthMethod> methods) {
        List<EthWalletLogin> out = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            SessionKeyRequest.AuthMethod m = methods.get(i);
            String where = "authMethods[" + i + "]";
            if (m.authMethodType() != AuthMethodContext.ETH_WALLET) {
                throw new LitNodeException(LitErrorCode.NodeAuthSigNotSupported, where + " has authMethodType "
                        + m.authMethodType() + ", which this network does not support; supported: 1 (EthWallet), "
                        + "and Lit Actions through the code field");
            }
            out.add(ethWallet.verify(m.accessToken(), where));
        }
        return out;
    }
}
