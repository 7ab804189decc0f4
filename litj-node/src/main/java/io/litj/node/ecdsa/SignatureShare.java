package io.litj.node.ecdsa;

import io.litj.protocol.crypto.Bytes;
import java.util.Objects;

/**
 * One node's share of an ECDSA signature, all public: sent to the client, which sums the shares of the signing set
 * ({@code js-sdk-v7-wire-format.md} §8.2–8.3). Immutable.
 *
 * @param digest the 32 bytes signed
 * @param share the 32-byte scalar {@code s_i}
 * @param bigR the common nonce point {@code R}, 33 bytes compressed
 * @param publicKey the PKP key, 65 bytes uncompressed
 */
public record SignatureShare(Bytes digest, Bytes share, Bytes bigR, Bytes publicKey) {
    public SignatureShare {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(bigR, "bigR");
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
