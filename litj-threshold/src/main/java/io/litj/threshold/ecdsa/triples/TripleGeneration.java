package io.litj.threshold.ecdsa.triples;

import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.ProtocolMessage;
import io.litj.threshold.ecdsa.RoundProtocol;
import io.litj.threshold.ecdsa.TripleShare;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * One party's side of making one Beaver triple {@code (a, b, c = a·b)} jointly with the other parties of a
 * {@link Participants} set, as cait-sith does (see {@code docs/ecdsa-triples.md}): hash commitments, Schnorr and
 * DLog-equality proofs, base OTs and OT extension, MtA for the cross terms, and a re-sharing of {@code c} with
 * Feldman commitments. Six message rounds; secure against any number of cheating parties in the sense that a
 * cheater can only make the run abort (never learn a secret or bias the triple), and is named by a
 * {@link io.litj.threshold.ecdsa.CheatingPartyException} where a proof, commitment or share identifies it. For
 * many triples, {@link TripleBatchGeneration} shares one set of OTs.
 *
 * <p>Not thread-safe; no I/O. Private messages ({@code to} ≠ {@link ProtocolMessage#EVERYONE}) carry secret shares:
 * the transport must encrypt them. Security: prints the party, round and state only.
 */
public final class TripleGeneration implements RoundProtocol<TripleShare> {
    private final TripleBatchGeneration batch;

    /**
     * @param self this party's index in {@code participants}
     * @param sessionId an id of this run that no other run of the same parties uses (1 to 256 bytes); every
     *     proof and OT is bound to it
     * @throws io.litj.threshold.ThresholdException {@code InvalidArgument} if {@code self} is not a participant or
     *     the session id is empty or too long
     */
    public TripleGeneration(Participants participants, int self, byte[] sessionId, SecureRandom random) {
        this.batch = new TripleBatchGeneration(participants, self, sessionId, 1, random);
    }

    @Override
    public List<ProtocolMessage> start() {
        return batch.start();
    }

    /**
     * {@inheritDoc}
     *
     * @throws io.litj.threshold.ThresholdException {@code NodeParserError} for an unknown tag or a wrong length,
     *     {@code InvalidArgument} for a sender outside the set, a kind that sender does not send here, a repeated
     *     message, or a product check that fails; a {@link io.litj.threshold.ecdsa.CheatingPartyException} names
     *     a party whose opening, proof, share or OT-extension check fails
     */
    @Override
    public List<ProtocolMessage> receive(int from, byte[] payload) {
        return batch.receive(from, payload);
    }

    @Override
    public Optional<TripleShare> output() {
        return batch.output().map(l -> l.get(0));
    }

    @Override
    public String toString() {
        return "TripleGeneration[" + batch.state() + "]";
    }
}
