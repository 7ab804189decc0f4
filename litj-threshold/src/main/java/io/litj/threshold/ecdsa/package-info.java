/**
 * Threshold ECDSA on secp256k1 (see {@code docs/ecdsa.md}): Beaver triples made jointly
 * ({@code io.litj.threshold.ecdsa.triples}), presignatures from two triples and a key share, and linearized
 * signature shares that sum to a standard low-S ECDSA signature, the form the JS SDK combines. Every protocol is a
 * {@link io.litj.threshold.ecdsa.RoundProtocol} over a {@link io.litj.threshold.ecdsa.Participants} set; the node
 * carries its messages. No party ever holds a whole key or a whole nonce.
 */
package io.litj.threshold.ecdsa;
