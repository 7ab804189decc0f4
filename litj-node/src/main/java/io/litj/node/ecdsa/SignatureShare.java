package io.litj.node.ecdsa;

import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ecdsa.ShareCommitments;
import java.util.Objects;
import java.util.Optional;

/**
 * One node's share of an ECDSA signature, all public: sent to the client, which sums the shares of the signing set
 * ({@code js-sdk-v7-wire-format.md} §8.2–8.3). Immutable.
 *
 * @param digest the 32 bytes signed
 * @param share the 32-byte scalar {@code s_i}
 * @param bigR the common nonce point {@code R}, 33 bytes compressed
 * @param publicKey the PKP key, 65 bytes uncompressed
 * @param shareIndex this node's share index in the signing set (Datil's answer always says 0)
 * @param commitments the presignature's public data, with which the client checks each share by itself (sent in
 *     the litj-only {@code litjShareCheck} member of the answer), if known
 */
public record SignatureShare(Bytes digest, Bytes share, Bytes bigR, Bytes publicKey, int shareIndex,
        Optional<ShareCommitments> commitments) {
    public SignatureShare {
        Objects.requireNonNull(commitments, "commitments");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(bigR, "bigR");
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
