package io.litj.client;

import io.litj.protocol.auth.AuthSig;
import java.util.Objects;

/**
 * A way of proving who controls a PKP, sent to nodes in {@code sign_session_key}: a type
 * ({@code AUTH_METHOD_TYPE}: 1 = EthWallet, …) and an access token (for EthWallet: the JSON of a wallet AuthSig).
 *
 * <p>Security: the token is a credential; {@link #toString()} shows the type and token length only.
 */
public record AuthMethod(int authMethodType, String accessToken) {
    /** {@code AUTH_METHOD_TYPE.EthWallet}. */
    public static final int ETH_WALLET = 1;

    public AuthMethod {
        Objects.requireNonNull(accessToken, "accessToken");
        if (authMethodType < 1) {
            throw new IllegalArgumentException("auth method type must be positive");
        }
    }

    /** An EthWallet auth method: the wallet's AuthSig over a SIWE (nonce: a recent block hash). */
    public static AuthMethod ethWallet(AuthSig walletAuthSig) {
        return new AuthMethod(ETH_WALLET, walletAuthSig.toJsonString());
    }

    @Override
    public String toString() {
        return "AuthMethod[type=" + authMethodType + " token=" + accessToken.length() + " chars]";
    }
}
