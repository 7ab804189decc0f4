/**
 * BLS12-381 signatures as Lit's network uses them ({@code lit-node-behaviour.md} §4): public keys in G1 (48-byte
 * compressed), signatures in G2 (96-byte compressed), proof-of-possession ciphersuite with hash-to-curve DST
 * {@code BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_}; signature shares in the Datil wire form
 * {@code {"ProofOfPossession":"<identifier byte ‖ G2 hex>"}} and their combination by Lagrange interpolation.
 *
 * <p>Entry points: {@link io.litj.threshold.bls.Bls} (verify), {@link io.litj.threshold.bls.BlsCombiner}
 * (combine shares, verified), {@link io.litj.threshold.bls.BlsSecretKeyShare} (a node's signing share),
 * {@link io.litj.threshold.bls.TimeLock} (time-lock encryption to the network key, blsful {@code TimeCrypt},
 * {@code lit-node-behaviour.md} §6.2; decrypted data is a {@link io.litj.threshold.bls.TimeLockPlaintext}). Public
 * keys, signatures and shares are immutable values that can only hold valid subgroup points other than the
 * identity. Secret keys and key shares never print and leave only through {@code exportSecret()}.
 *
 * <p>Standards: RFC 9380 (hashing to elliptic curves; {@code hash_to_curve} for G2 with expand_message_xmd
 * SHA-256, done by supranational blst); draft-irtf-cfrg-bls-signature (the POP ciphersuite, minimal-pubkey-size
 * variant); ZCash compressed point encoding. No I/O; nothing returns {@code null}; failures are
 * {@link io.litj.threshold.ThresholdException}.
 */
package io.litj.threshold.bls;
