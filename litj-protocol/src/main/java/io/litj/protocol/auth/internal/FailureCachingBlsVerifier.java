package io.litj.protocol.auth.internal;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.BlsCapabilityVerifier;
import io.litj.protocol.crypto.Hex;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link BlsCapabilityVerifier} that remembers, in a {@link SignatureCache}, the network signatures that did not
 * verify (keyed by the exact message bytes and the signature), so that a bad {@code lit.bls} capability sent again
 * costs no second pairing while the entry lives. Verified ones are remembered by {@code CapabilitySignatureCheck}.
 * When the delegate cannot verify at all (no network key yet, {@code NodeBLSRootKeyNotFound}) nothing is
 * remembered: the same signature may verify once the key exists.
 */
public final class FailureCachingBlsVerifier implements BlsCapabilityVerifier {
    private final BlsCapabilityVerifier delegate;
    private final SignatureCache cache;

    public FailureCachingBlsVerifier(BlsCapabilityVerifier delegate, SignatureCache cache) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public void verify(byte[] message, byte[] signature) {
        String signatureHex = Hex.encode(signature);
        Optional<String> failedBefore = cache.failure(message, signatureHex);
        if (failedBefore.isPresent()) {
            throw new LitProtocolException(LitErrorCode.InvalidSignature, failedBefore.get());
        }
        try {
            delegate.verify(message, signature);
        } catch (LitProtocolException e) {
            if (e.code() == LitErrorCode.InvalidSignature) {
                cache.putFailure(message, signatureHex, e.getMessage());
            }
            throw e;
        }
    }
}
