package io.litj.threshold.dkg;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;

/**
 * Round 2 broadcast: {@code sender} accuses dealer {@code accused} of sending it no share, or one that does not
 * match the dealer's commitments. Public.
 *
 * @param sender the accuser
 * @param accused the dealer accused
 */
public record DkgComplaint(int sender, int accused) implements DkgMessage {
    /**
     * @throws ThresholdException {@code InvalidArgument} if a party accuses itself
     */
    public DkgComplaint {
        if (sender == accused) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "party " + sender + " cannot accuse itself");
        }
    }
}
