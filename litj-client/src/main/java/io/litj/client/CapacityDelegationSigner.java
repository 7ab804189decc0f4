package io.litj.client;

import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigs;
import io.litj.protocol.auth.LitSiweBuilder;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.crypto.EthSignature;
import java.time.Clock;
import java.time.Instant;

/**
 * Signs a {@link CapacityDelegationRequest} as the JS SDK's {@code createCapacityDelegationAuthSig} does: a SIWE for
 * the owner with URI {@code lit:capability:delegation}, the network's latest block hash as nonce and one
 * {@code lit-ratelimitincrease} ReCap, signed EIP-191 by the owner; the signature is checked to recover the owner's
 * address before the AuthSig is returned.
 */
final class CapacityDelegationSigner {
    private CapacityDelegationSigner() {
    }

    /**
     * @throws LitClientException {@code InvalidArgument} for an expiration that is not after now;
     *         {@code WalletSignatureNotFound} when the owner's signer fails; {@code InvalidSignature} when its
     *         signature does not recover the owner's address
     */
    static AuthSig sign(CapacityDelegationRequest request, String nonce, Clock clock) {
        Instant now = clock.instant();
        if (request.expiration().isPresent() && !request.expiration().get().isAfter(now)) {
            throw new LitClientException(LitErrorCode.InvalidArgument, "the capacity delegation's expiration "
                    + IsoTime.format(request.expiration().get()) + " is not after now (" + IsoTime.format(now) + ")");
        }
        LitSiweBuilder siwe = LitSiweBuilder.create(request.owner().address(), nonce).clock(clock);
        request.expiration().ifPresent(siwe::expiration);
        request.domain().ifPresent(siwe::domain);
        request.statement().ifPresent(siwe::statement);
        AuthSig authSig;
        try {
            authSig = AuthSigs.capacityDelegation(request.owner(), siwe, request.delegation());
        } catch (LitProtocolException e) {
            throw LitClientException.from(e);
        } catch (RuntimeException e) {
            throw new LitClientException(LitErrorCode.WalletSignatureNotFound, "the signer of "
                    + request.owner().address() + " did not sign the capacity delegation: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + Text.cut(e.getMessage())),
                    e);
        }
        try {
            if (!Eip191.recover(authSig.signedMessage(), EthSignature.parse(authSig.sig(), "sig"))
                    .equals(request.owner().address())) {
                throw new LitProtocolException(LitErrorCode.InvalidSignature, "it recovers another address");
            }
        } catch (LitProtocolException e) {
            throw new LitClientException(LitErrorCode.InvalidSignature, "the signer of " + request.owner().address()
                    + " made a capacity delegation signature that nodes would refuse: " + e.getMessage(), e);
        }
        return authSig;
    }
}
