package io.litj.client;

import io.litj.protocol.auth.AuthSig;

/**
 * Produces the session-granting AuthSig when no stored one can be re-used: a wallet prompt, a remote signer, a
 * PKP {@code sign_session_key} round. The JS SDK's {@code authNeededCallback}.
 *
 * <p>Called at most once per {@link LitClient#getSessionSigs} call, and only when the stored grant cannot be
 * re-used. The returned AuthSig must be signed by the account given with the callback, for the URI, nonce and
 * resources in the parameters ({@link AuthCallbackParams#toSiwe} builds that message).
 */
@FunctionalInterface
public interface AuthCallback {
    /** Signs a SIWE for {@code params}; throwing aborts {@code getSessionSigs}. */
    AuthSig authenticate(AuthCallbackParams params);
}
