package io.litj.threshold.ecdsa;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;

/**
 * A protocol message or a signature share that proves its sender cheated (a proof that does not verify, a value
 * that does not match its commitment, a share that does not match its public share). Names the party, so a node
 * can report it and a client can say which node sent a bad share.
 */
public final class CheatingPartyException extends ThresholdException {
    private static final long serialVersionUID = 1L;

    private final int party;

    public CheatingPartyException(int party, String message) {
        super(LitErrorCode.InvalidArgument, "party " + party + " cheated: " + message);
        this.party = party;
    }

    /** The share index of the party that cheated. */
    public int party() {
        return party;
    }
}
