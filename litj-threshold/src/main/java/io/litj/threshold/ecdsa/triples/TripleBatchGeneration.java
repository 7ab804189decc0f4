package io.litj.threshold.ecdsa.triples;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.ProtocolMessage;
import io.litj.threshold.ecdsa.RoundProtocol;
import io.litj.threshold.ecdsa.TripleShare;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * One party's side of making {@code count} Beaver triples at once: the protocol of {@link TripleGeneration} with
 * every per-triple value in vectors, one set of base OTs per pair and one OT extension for the whole batch, so the
 * public-key work of the OTs is paid once. Same six rounds, same guarantees; the triples are independent.
 *
 * <p>Not thread-safe; no I/O. Security: prints the party, round and state only.
 */
public final class TripleBatchGeneration implements RoundProtocol<List<TripleShare>> {
    /** The largest batch. */
    public static final int MAX_COUNT = TripleParty.MAX_COUNT;

    private final TripleParty party;

    /**
     * The size of the largest message (tag included) a party of a batch of {@code count} triples with threshold
     * {@code threshold} sends: every message length follows from these two, so a transport can size its limit
     * before a run. For the usual thresholds the MtA ciphertexts dominate, {@code 49,152} bytes per triple.
     *
     * @throws io.litj.threshold.ThresholdException {@code InvalidArgument} for a count outside
     *     {@code 1..}{@value #MAX_COUNT} or a threshold below 1
     */
    public static int maxMessageBytes(int threshold, int count) {
        if (count < 1 || count > MAX_COUNT || threshold < 1 || threshold > 1 << 16) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "a batch has 1.." + MAX_COUNT
                    + " triples and a threshold of 1..65536, not " + count + " and " + threshold);
        }
        int max = 0;
        for (Kind k : Kind.values()) {
            max = Math.max(max, 1 + k.bodyLength(threshold, count));
        }
        return max;
    }

    /**
     * @param count the number of triples, 1 to {@link #MAX_COUNT}
     * @throws io.litj.threshold.ThresholdException {@code InvalidArgument} for a count outside {@code 1..64}, a
     *     {@code self} outside the set, or a session id that is empty or longer than 256 bytes
     */
    public TripleBatchGeneration(Participants participants, int self, byte[] sessionId, int count,
            SecureRandom random) {
        this.party = new TripleParty(participants, self, sessionId, count, random);
    }

    @Override
    public List<ProtocolMessage> start() {
        return party.start();
    }

    /** {@inheritDoc} Refusals as in {@link TripleGeneration#receive}. */
    @Override
    public List<ProtocolMessage> receive(int from, byte[] payload) {
        return party.receive(from, payload);
    }

    @Override
    public Optional<List<TripleShare>> output() {
        return party.output();
    }

    String state() {
        return party.toString();
    }

    @Override
    public String toString() {
        return "TripleBatchGeneration[" + state() + "]";
    }
}
