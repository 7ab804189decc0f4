package io.litj.threshold.dkg;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.shamir.Share;
import java.util.Objects;

/**
 * Round 3 broadcast: accused dealer {@code sender} answers {@code accuser}'s complaint by publishing the disputed
 * share {@code f_sender(accuser)}, which everyone checks against the dealer's commitments.
 *
 * <p>The share becomes public by being revealed; it is still typed as a secret and not printed.
 */
public final class DkgReveal implements DkgMessage {
    private final int sender;
    private final int accuser;
    private final Share share;

    private DkgReveal(int sender, int accuser, Share share) {
        this.sender = sender;
        this.accuser = accuser;
        this.share = share;
    }

    /**
     * The answer.
     *
     * @throws ThresholdException {@code InvalidArgument} if the share's index is not {@code accuser}
     */
    public static DkgReveal of(int sender, int accuser, Share share) {
        Objects.requireNonNull(share, "share");
        if (share.index() != accuser) {
            throw new ThresholdException(LitErrorCode.InvalidArgument,
                    "revealed share for party " + accuser + " has index " + share.index());
        }
        return new DkgReveal(sender, accuser, share);
    }

    @Override
    public int sender() {
        return sender;
    }

    public int accuser() {
        return accuser;
    }

    /** The revealed share {@code f_sender(accuser)}. */
    public Share share() {
        return share;
    }

    @Override
    public String toString() {
        return "DkgReveal[" + sender + " answers " + accuser + "]";
    }
}
