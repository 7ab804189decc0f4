package io.litj.threshold.ecdsa.triples;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.ProtocolMessage;
import io.litj.threshold.ecdsa.TripleShare;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The round driver behind {@link TripleGeneration} and {@link TripleBatchGeneration}: checks each incoming message
 * (sender, kind, route, duplicate, exact length), stores it decoded, and runs the next round once every message of
 * the current one is in. A message refused before it is stored leaves the run as it was; a failure while
 * computing a round (a proof, a commitment or a check that fails) ends the run for good.
 */
final class TripleParty {
    /** The largest batch: bounds every message (about 3 MiB of MtA pairs per peer at 64). */
    static final int MAX_COUNT = 64;
    /** The longest session id accepted. */
    static final int MAX_SESSION_ID = 256;

    private final Participants participants;
    private final int self;
    private final int count;
    private final Inbox inbox = new Inbox();
    private final TripleRounds rounds;
    private int round;
    private ThresholdException failure;
    private List<TripleShare> output;

    TripleParty(Participants participants, int self, byte[] sessionId, int count, SecureRandom random) {
        Objects.requireNonNull(participants, "participants");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(random, "random");
        if (!participants.contains(self)) {
            throw new ThresholdException(LitErrorCode.InvalidArgument,
                    "party " + self + " is not among " + participants.indices());
        }
        if (sessionId.length == 0 || sessionId.length > MAX_SESSION_ID) {
            throw new ThresholdException(LitErrorCode.InvalidArgument,
                    "session id must be 1.." + MAX_SESSION_ID + " bytes but is " + sessionId.length);
        }
        if (count < 1 || count > MAX_COUNT) {
            throw new ThresholdException(LitErrorCode.InvalidArgument,
                    "triple count must be in 1.." + MAX_COUNT + " but is " + count);
        }
        this.participants = participants;
        this.self = self;
        this.count = count;
        this.rounds = new TripleRounds(new Run(participants, self, sessionId.clone(), count, random, inbox));
    }

    List<ProtocolMessage> start() {
        if (round != 0) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "triple generation already started");
        }
        return advance();
    }

    List<ProtocolMessage> receive(int from, byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        if (failure != null) {
            throw new ThresholdException(LitErrorCode.InvalidArgument,
                    "triple generation of party " + self + " already failed: " + failure.getMessage());
        }
        if (round == 0) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "a message before start()");
        }
        if (from == self || !participants.contains(from)) {
            throw new ThresholdException(LitErrorCode.InvalidArgument,
                    "party " + from + " is not another party of " + participants.indices());
        }
        Kind kind = Kind.of(payload, from);
        if (!kind.sentBetween(from, self)) {
            throw new ThresholdException(LitErrorCode.InvalidArgument,
                    "party " + from + " sends no " + kind + " message to party " + self);
        }
        if (inbox.seen(kind, from)) {
            throw new ThresholdException(LitErrorCode.InvalidArgument,
                    "a second " + kind + " message from party " + from);
        }
        inbox.put(kind, from, decode(kind, from, payload, participants.threshold(), count));
        return advance();
    }

    Optional<List<TripleShare>> output() {
        return Optional.ofNullable(output);
    }

    /** Sends every round whose inputs are complete; finishes after the last. */
    private List<ProtocolMessage> advance() {
        List<ProtocolMessage> out = new ArrayList<>();
        try {
            while (output == null && (round == 0 || complete(round))) {
                if (round == Kind.ROUNDS) {
                    output = rounds.finish();
                } else {
                    round++;
                    out.addAll(rounds.send(round));
                }
            }
        } catch (ThresholdException e) {
            failure = e;
            throw e;
        }
        return out;
    }

    private boolean complete(int r) {
        for (Kind k : Kind.values()) {
            if (k.round() != r) {
                continue;
            }
            for (int j : participants.indices()) {
                if (j != self && k.sentBetween(j, self) && !inbox.seen(k, j)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The decoded body of a message whose kind is known.
     *
     * @throws ThresholdException {@code NodeParserError} for a wrong length or a malformed field
     */
    static Object decode(Kind kind, int from, byte[] p, int t, int count) {
        return switch (kind) {
            case COMMIT -> Messages.commit(p, from);
            case BASE_Y -> Messages.baseY(p, from);
            case OPEN -> Opening.decode(p, from, t, count);
            case SHARES, C_SHARES -> Messages.secrets(kind, p, from, t, count);
            case BASE_X -> Messages.baseX(p, from);
            case PRODUCT, RESHARE -> Messages.pointProofs(kind, p, from, t, count);
            case EXTENSION -> Messages.extension(p, from, t, count);
            case MTA_CIPHER -> Messages.mtaCipher(p, from, t, count);
            case MTA_CHI -> Messages.mtaChi(p, from, t, count);
        };
    }

    int round() {
        return round;
    }

    @Override
    public String toString() {
        return "party " + self + " of " + participants.indices() + ", round " + round + ", " + count + " triple"
                + (count == 1 ? "" : "s") + (output != null ? ", done" : failure != null ? ", failed" : "");
    }
}
