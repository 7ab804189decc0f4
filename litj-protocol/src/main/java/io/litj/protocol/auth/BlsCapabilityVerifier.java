package io.litj.protocol.auth;

/**
 * Verifies a network ({@code lit.bls}) capability signature: a BLS12-381 signature (96-byte compressed G2) under
 * the network's root public key, POP ciphersuite. Plugged into {@link SessionSigValidator}; implemented in
 * {@code litj-threshold}.
 *
 * <p>Security: {@link #verify} returns nothing and throws on every refusal (Tink style, style rule R8), so a
 * forgotten result cannot let a bad signature through.
 */
@FunctionalInterface
public interface BlsCapabilityVerifier {
    /**
     * Passes if {@code signature} is the network's signature over {@code message} (see {@link BlsSessionMessage});
     * throws otherwise.
     *
     * @throws io.litj.protocol.LitProtocolException {@code InvalidSignature} for a signature that is not the
     *     network's over {@code message} (wrong, not 96 bytes, not a valid subgroup point, the identity), the
     *     message saying which; {@code NodeBLSRootKeyNotFound} if there is no network key to verify under
     */
    void verify(byte[] message, byte[] signature);
}
