package io.litj.threshold.ecdsa;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.shamir.FeldmanCommitments;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.Share;
import java.util.Objects;

/**
 * One party's share of a Beaver triple {@code (a, b, c = a·b)} on secp256k1, made jointly so that no one knows
 * {@code a}, {@code b} or {@code c}, with the Feldman commitments of the three sharing polynomials (degree
 * {@code t-1}). The commitments let every party compute every other party's public shares, so a presignature or
 * signature share that does not fit is traced to its sender.
 *
 * <p>A triple is used for at most one presignature. Security: holds secret shares; {@link #toString()} shows the
 * index and public key of {@code c} only.
 */
public record TripleShare(Participants participants, Share a, Share b, Share c, FeldmanCommitments bigA,
        FeldmanCommitments bigB, FeldmanCommitments bigC) {

    /**
     * Checks that the three shares are of one party of the set, of secp256k1, and match their commitments, and
     * that the commitments have the set's threshold.
     *
     * @throws ThresholdException {@code InvalidArgument} if not
     */
    public TripleShare {
        Objects.requireNonNull(participants, "participants");
        for (Share s : new Share[] {a, b, c}) {
            Objects.requireNonNull(s, "share");
            if (s.group() != Group.SECP256K1 || s.index() != a.index()) {
                throw new ThresholdException(LitErrorCode.InvalidArgument,
                        "a triple's shares are secp256k1 shares of one party");
            }
        }
        if (!participants.contains(a.index())) {
            throw new ThresholdException(LitErrorCode.InvalidArgument,
                    "party " + a.index() + " is not among " + participants.indices());
        }
        for (FeldmanCommitments f : new FeldmanCommitments[] {bigA, bigB, bigC}) {
            Objects.requireNonNull(f, "commitments");
            if (f.threshold() != participants.threshold()) {
                throw new ThresholdException(LitErrorCode.InvalidArgument, "triple commitments of threshold "
                        + f.threshold() + " for a set of threshold " + participants.threshold());
            }
        }
        bigA.verify(a);
        bigB.verify(b);
        bigC.verify(c);
    }

    /** This party's share index. */
    public int self() {
        return a.index();
    }

    @Override
    public String toString() {
        return "TripleShare[party=" + self() + ", C=" + bigC.publicKey().toBytes().hex() + "]";
    }
}
