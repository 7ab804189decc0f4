/**
 * Threshold ECDSA on secp256k1 (see {@code docs/ecdsa.md}): Beaver triples made jointly
 * ({@code io.litj.threshold.ecdsa.triples}), presignatures from two triples and a key share, and linearized
 * signature shares that sum to a standard low-S ECDSA signature, the form the JS SDK combines. Every protocol is a
 * {@link io.litj.threshold.ecdsa.RoundProtocol} over a {@link io.litj.threshold.ecdsa.Participants} set; the node
 * carries its messages. No party ever holds a whole key or a whole nonce.
 *
 * <p>Entry points: {@link io.litj.threshold.ecdsa.Presigning} (two triples and a key share to a
 * {@link io.litj.threshold.ecdsa.PresignatureShare}), {@link io.litj.threshold.ecdsa.PresignatureShare#sign} (a
 * Datil {@link io.litj.threshold.ecdsa.EcdsaSignatureShare}), {@link io.litj.threshold.ecdsa.EcdsaCombiner} (the JS
 * SDK's combination, verified, to an {@link io.litj.threshold.ecdsa.EcdsaSignature}). A value that proves its
 * sender cheated raises {@link io.litj.threshold.ecdsa.CheatingPartyException} naming that party. No I/O;
 * nothing returns {@code null}; secrets never print.
 */
package io.litj.threshold.ecdsa;
