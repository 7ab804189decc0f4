/**
 * Shamir secret sharing with Feldman commitments, over the scalar fields of BLS12-381 G1 and secp256k1.
 *
 * <p>{@link io.litj.threshold.shamir.Group} names the group; {@link io.litj.threshold.shamir.GroupElement} is a
 * public element of it; {@link io.litj.threshold.shamir.SecretScalar}, {@link io.litj.threshold.shamir.Share}
 * and {@link io.litj.threshold.shamir.Polynomial} are secrets (no value in {@code toString}, no {@code equals},
 * constant-time {@code sameSecretAs}, {@code exportSecret()} as the only way out);
 * {@link io.litj.threshold.shamir.FeldmanCommitments} are the public commitments that make a sharing verifiable.
 *
 * <p>Standards: Shamir, "How to share a secret" (1979); Feldman, "A practical scheme for non-interactive
 * verifiable secret sharing" (1987). Share indices are positive integers; Lit uses index = node share index + 1.
 * No I/O; randomness is injected; nothing returns {@code null}.
 */
package io.litj.threshold.shamir;
