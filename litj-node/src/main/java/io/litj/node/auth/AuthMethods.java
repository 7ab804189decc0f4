package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Verifies every auth method of a {@code sign_session_key} request ({@code lit-node-behaviour.md} §3.1 step 2),
 * in request order; the first failure refuses the request. Only EthWallet (type 1) is supported on litj
 * networks; Lit Actions authorize through the request's {@code code} instead. Every other type is refused with
 * {@code NodeAuthSigNotSupported}, naming the type: those methods need outside services (OAuth providers, WebAuthn
 * keys on chain) that a litj devnet does not have.
 */
final class AuthMethods {
    private final EthWalletAuthMethod ethWallet;

    AuthMethods(EthWalletAuthMethod ethWallet) {
        this.ethWallet = Objects.requireNonNull(ethWallet, "ethWallet");
    }

    /**
     * The contexts of {@code methods}, in order.
     *
     * @throws LitNodeException {@code NodeAuthSigNotSupported} for an unsupported type, or the code of the failed
     *     verification
     */
    List<AuthMethodContext> verify(List<SessionKeyRequest.AuthMethod> methods) {
        List<AuthMethodContext> out = new ArrayList<>();
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
