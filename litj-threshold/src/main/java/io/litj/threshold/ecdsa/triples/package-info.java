/**
 * Beaver-triple generation for threshold ECDSA on secp256k1, after cait-sith's {@code docs/triples.md} (see
 * {@code docs/ecdsa-triples.md}): {@link io.litj.threshold.ecdsa.triples.TripleGeneration} for one triple and
 * {@link io.litj.threshold.ecdsa.triples.TripleBatchGeneration} for up to 64 with one OT extension. Both are
 * {@link io.litj.threshold.ecdsa.RoundProtocol}s: no I/O, randomness injected, messages in a compact binary form
 * that is decoded strictly (exact lengths, points checked on the curve, scalars below the order). Everything else
 * in the package is internal.
 */
package io.litj.threshold.ecdsa.triples;
