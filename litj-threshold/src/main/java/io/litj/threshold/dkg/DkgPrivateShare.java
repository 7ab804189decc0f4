package io.litj.threshold.dkg;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.shamir.Share;
import java.util.Objects;

/**
 * Round 1 point-to-point message: dealer {@code sender}'s share {@code f_sender(recipient)} for {@code recipient}.
 * Send it only over an authenticated, encrypted channel.
 *
 * <p>Security: holds a secret share, so it is a final class, not a record: {@link #toString()} shows the parties
 * only and there is no {@code equals}.
 */
public final class DkgPrivateShare implements DkgMessage {
    private final int sender;
    private final int recipient;
    private final Share share;

    private DkgPrivateShare(int sender, int recipient, Share share) {
        this.sender = sender;
        this.recipient = recipient;
        this.share = share;
    }

    /**
     * The message; a transport that carried the share's bytes rebuilds it with this.
     *
     * @throws ThresholdException {@code InvalidArgument} if the share's index is not {@code recipient} or the
     *     dealer sends to itself
     */
    public static DkgPrivateShare of(int sender, int recipient, Share share) {
        Objects.requireNonNull(share, "share");
        if (share.index() != recipient) {
            throw new ThresholdException(LitErrorCode.InvalidArgument,
                    "share for party " + recipient + " has index " + share.index());
        }
        if (sender == recipient) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "dealer " + sender + " keeps its own share");
        }
        return new DkgPrivateShare(sender, recipient, share);
    }

    @Override
    public int sender() {
        return sender;
    }

    public int recipient() {
        return recipient;
    }

    /** The secret share {@code f_sender(recipient)}. */
    public Share share() {
        return share;
    }

    @Override
    public String toString() {
        return "DkgPrivateShare[" + sender + "→" + recipient + "]";
    }
}
