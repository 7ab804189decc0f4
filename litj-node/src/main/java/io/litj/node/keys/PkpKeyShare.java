package io.litj.node.keys;

import io.litj.node.LitNodeException;
import io.litj.node.registry.Pkp;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.shamir.FeldmanCommitments;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.Share;
import java.util.Objects;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/**
 * This node's share of one PKP's secp256k1 key, with the public verification data of the DKG that made it. The
 * PKP's public key is the commitments' {@code C_0}, kept uncompressed (65 bytes, {@code 04…}) as Lit publishes it;
 * its token id is {@code keccak256} of that ({@link Pkp#tokenIdOf}).
 *
 * <p>Only consistent shares exist: {@link #of} checks the share against the commitments. Immutable, thread-safe.
 *
 * <p>Security: holds a secret share; {@link #toString()} shows the token id and identifier only, and there is no
 * {@code equals}.
 */
public final class PkpKeyShare {
    private static final X9ECParameters SECP256K1 = CustomNamedCurves.getByName("secp256k1");

    private final String tokenId;
    private final Bytes publicKey;
    private final Share share;
    private final FeldmanCommitments commitments;

    private PkpKeyShare(String tokenId, Bytes publicKey, Share share, FeldmanCommitments commitments) {
        this.tokenId = tokenId;
        this.publicKey = publicKey;
        this.share = share;
        this.commitments = commitments;
    }

    /**
     * The share with its verification data; the key and token id follow from the commitments.
     *
     * @throws LitNodeException {@code InvalidArgument} if share or commitments are not of secp256k1, the key is the
     *     identity, or the share does not match the commitments
     */
    public static PkpKeyShare of(Share share, FeldmanCommitments commitments) {
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(commitments, "commitments");
        if (commitments.group() != Group.SECP256K1 || share.group() != Group.SECP256K1) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "a PKP key share is of SECP256K1, not "
                    + share.group() + " with commitments of " + commitments.group());
        }
        if (commitments.publicKey().isIdentity()) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "a PKP key cannot be the identity");
        }
        try {
            commitments.verify(share);
        } catch (ThresholdException e) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "PKP key share " + share.index()
                    + " does not match the commitments of key " + commitments.publicKey().toBytes().hex(),
                    java.util.List.of(), e);
        }
        byte[] uncompressed = uncompressed(commitments.publicKey().toBytes());
        return new PkpKeyShare(Pkp.tokenIdOf(uncompressed), Bytes.of(uncompressed), share, commitments);
    }

    /** The uncompressed SEC1 form ({@code 04 ‖ x ‖ y}) of a compressed secp256k1 point. */
    static byte[] uncompressed(Bytes compressed) {
        return SECP256K1.getCurve().decodePoint(compressed.toByteArray()).getEncoded(false);
    }

    /** {@code keccak256(publicKey)}, 64 lowercase hex. */
    public String tokenId() {
        return tokenId;
    }

    /** The PKP public key, 65 bytes uncompressed. */
    public Bytes publicKey() {
        return publicKey;
    }

    /** This node's secret share (index = node index + 1). */
    public Share share() {
        return share;
    }

    /** The share index, node index + 1. */
    public int identifier() {
        return share.index();
    }

    /** The public verification data: commitments of the combined DKG polynomial. */
    public FeldmanCommitments commitments() {
        return commitments;
    }

    @Override
    public String toString() {
        return "PkpKeyShare[tokenId=" + tokenId + " id=" + share.index() + "]";
    }
}
