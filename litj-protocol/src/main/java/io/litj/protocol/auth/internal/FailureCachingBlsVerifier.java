package io.litj.protocol.auth.internal;

import io.litj.protocol.auth.BlsCapabilityVerifier;
import io.litj.protocol.crypto.Hex;
import java.util.Objects;

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
    public boolean verify(byte[] message, byte[] signature) {
        String signatureHex = Hex.encode(signature);
        if (cache.failure(message, signatureHex).isPresent()) {
            return false;
        }
        boolean verified = delegate.verify(message, signature);
        if (!verified) {
            cache.putFailure(message, signatureHex, "network BLS signature does not verify under the network key");
        }
        return verified;
    }
}
