package io.litj.node.keys;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.bls.BlsPublicKey;
import io.litj.threshold.bls.BlsSecretKeyShare;
import io.litj.threshold.shamir.FeldmanCommitments;
import io.litj.threshold.shamir.Group;
import java.util.Objects;

/**
 * This node's share of the network's BLS root key for one epoch, with the public verification data of the DKG that
 * made it: the Feldman commitments of the combined polynomial, whose {@code C_0} is the root public key and from
 * which every node's public key share follows ({@code lit-node-behaviour.md} §4: share identifier = node index + 1).
 *
 * <p>Only consistent shares exist: {@link #of} checks that {@code share · G1} is the commitments' public share at
 * the share's identifier. Immutable, thread-safe.
 *
 * <p>Security: holds a secret share; {@link #toString()} shows epoch, identifier and the root public key only, and
 * there is no {@code equals}.
 */
public final class RootKeyShare {
    private final long epoch;
    private final BlsSecretKeyShare share;
    private final FeldmanCommitments commitments;
    private final BlsPublicKey publicKey;

    private RootKeyShare(long epoch, BlsSecretKeyShare share, FeldmanCommitments commitments, BlsPublicKey key) {
        this.epoch = epoch;
        this.share = share;
        this.commitments = commitments;
        this.publicKey = key;
    }

    /**
     * The share of {@code epoch} with its verification data.
     *
     * @throws LitNodeException {@code InvalidArgument} if the epoch is not positive, the commitments are not of
     *     BLS12-381 G1, their key is the identity, or the share does not match them
     */
    public static RootKeyShare of(long epoch, BlsSecretKeyShare share, FeldmanCommitments commitments) {
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(commitments, "commitments");
        if (epoch < 1) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "epoch must be positive but is " + epoch);
        }
        if (commitments.group() != Group.BLS12_381_G1) {
            throw new LitNodeException(LitErrorCode.InvalidArgument,
                    "network key commitments must be of BLS12_381_G1, not " + commitments.group());
        }
        BlsPublicKey key;
        try {
            key = BlsPublicKey.of(commitments.publicKey());
            if (!share.publicKeyShare().publicKey().toGroupElement()
                    .equals(commitments.publicShare(share.identifier()))) {
                throw new LitNodeException(LitErrorCode.InvalidArgument, "key share " + share.identifier()
                        + " does not match the commitments of network key " + key.toHex());
            }
        } catch (ThresholdException e) {
            throw new LitNodeException(LitErrorCode.InvalidArgument, "network key data is invalid: "
                    + e.getMessage(), java.util.List.of(), e);
        }
        return new RootKeyShare(epoch, share, commitments, key);
    }

    /** The epoch this key belongs to. */
    public long epoch() {
        return epoch;
    }

    /** This node's secret share (identifier = node index + 1). */
    public BlsSecretKeyShare share() {
        return share;
    }

    /** The share identifier, node index + 1. */
    public int identifier() {
        return share.identifier();
    }

    /** The network's root public key ({@code C_0}). */
    public BlsPublicKey publicKey() {
        return publicKey;
    }

    /** The public verification data: commitments of the combined DKG polynomial. */
    public FeldmanCommitments commitments() {
        return commitments;
    }

    /** {@code t}: the number of shares that sign. */
    public int threshold() {
        return commitments.threshold();
    }

    @Override
    public String toString() {
        return "RootKeyShare[epoch=" + epoch + " id=" + share.identifier() + " key=" + publicKey.toHex() + "]";
    }
}
