package io.litj.protocol.auth;

/**
 * Verifies a network ({@code lit.bls}) capability signature: a BLS12-381 signature (96-byte compressed G2) under
 * the network's root public key, POP ciphersuite. Plugged into {@link SessionSigValidator}; implemented in
 * {@code litj-threshold}.
 */
@FunctionalInterface
public interface BlsCapabilityVerifier {
    /**
     * True if {@code signature} is the network's signature over {@code message} (see {@link BlsSessionMessage}).
     * Returns false for a signature that is well-formed but wrong or not a valid point.
     *
     * @throws io.litj.protocol.LitProtocolException {@code NodeBLSRootKeyNotFound} if there is no network key
     */
    boolean verify(byte[] message, byte[] signature);
}
