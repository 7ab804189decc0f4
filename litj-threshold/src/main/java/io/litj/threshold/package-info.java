/**
 * Threshold cryptography for Lit: pure math, no I/O.
 *
 * <ul>
 *   <li>{@link io.litj.threshold.bls}: BLS12-381 signatures in the "minimal public key" proof-of-possession
 *       ciphersuite (keys in G1, signatures in G2), signature shares in the Datil wire form and their verified
 *       combination.</li>
 *   <li>{@link io.litj.threshold.shamir}: Shamir secret sharing over the scalar fields of BLS12-381 G1 and
 *       secp256k1, with Feldman commitments.</li>
 *   <li>{@link io.litj.threshold.dkg}: a transport-agnostic joint-Feldman distributed key generation.</li>
 * </ul>
 *
 * <p>This module does no network or file I/O and keeps no global mutable state. Randomness comes from an injected
 * {@link java.security.SecureRandom}. Group arithmetic is never written here: BLS12-381 goes through supranational
 * blst (jblst, JNI) and secp256k1 through Bouncy Castle; only scalar-field arithmetic (Lagrange coefficients,
 * polynomial evaluation) is done with {@link java.math.BigInteger}. Nothing public returns {@code null}. Every
 * failure is a {@link io.litj.threshold.ThresholdException} carrying a {@link io.litj.protocol.LitErrorCode}.
 * Packages named {@code internal} are not API.
 */
package io.litj.threshold;
