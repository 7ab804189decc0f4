package io.litj.threshold.ecdsa.triples;

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
