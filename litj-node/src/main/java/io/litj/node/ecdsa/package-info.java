/**
 * Threshold ECDSA on the node ({@code docs/ecdsa-node.md}): {@link io.litj.node.ecdsa.PkpSigner} adds this node's
 * signature share for {@code /web/pkp/sign} and for Lit Actions — it picks the signing set without a leader, agrees
 * with the set on a presignature, binds it durably to the digest in the {@link io.litj.node.ecdsa.PresignatureStore}
 * before any share leaves, and refills the pool in the background. The arithmetic is behind
 * {@link io.litj.node.ecdsa.EcdsaScheme} ({@code litj-threshold}'s cait-sith); messages travel over a
 * {@link io.litj.node.ecdsa.RunTransport} (the peer API).
 *
 * <p>Nothing here holds a whole key or nonce; presignature shares live in owner-only files and never print. Nothing
 * returns null: absent values are {@link java.util.Optional}, lists are empty.
 */
package io.litj.node.ecdsa;
