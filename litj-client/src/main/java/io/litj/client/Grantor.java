package io.litj.client;

import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigReuse;
import io.litj.protocol.crypto.EthAddress;
import java.util.Optional;

/**
 * Who grants a session key its session: a wallet ({@link WalletGrantor}: its signer, or an auth callback for its
 * account) or the network, for a PKP ({@link NetworkGrantor}: a {@code sign_session_key} round whose shares are
 * combined and verified under the network key). {@link SessionManager} picks one per call and asks it for a grant
 * only when no stored grant can be re-used.
 */
sealed interface Grantor permits WalletGrantor, NetworkGrantor {
    /** The account the grant is for, the SIWE's address: the wallet's or the PKP's. */
    EthAddress account();

    /**
     * What a stored grant is tied to besides the account: for PKP sessions, who proved control (so one proof's grant
     * is never handed to another caller of the same PKP); empty for wallets.
     */
    Optional<String> storeScope();

    /** The SIWE domain of a new grant. */
    String siweDomain();

    /** The SIWE statement of a new grant, before the ReCap sentence. */
    String siweStatement();

    /**
     * A new grant for {@code params}.
     *
     * @throws LitClientException when the wallet or the network does not grant it
     */
    AuthSig grant(AuthCallbackParams params);

    /**
     * How a grant this grantor just returned is checked before it is stored and used: everything a node checks,
     * with no re-use margin, from {@code reuse} (the manager's one re-use check).
     */
    AuthSigReuse freshCheck(AuthSigReuse reuse, AuthSig grant);
}
