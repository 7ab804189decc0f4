/**
 * Not API: shared mechanics of {@code litj-threshold} (prime-field arithmetic, Lagrange coefficients, strict point
 * decoding through blst, the group adapters over blst G1 and Bouncy Castle secp256k1). May change without notice;
 * other litj modules must not import it, and cannot: the module descriptor does not export this package. No I/O;
 * the standards are those of the packages it serves ({@code bls}, {@code shamir}, {@code dkg}).
 */
package io.litj.threshold.internal;
