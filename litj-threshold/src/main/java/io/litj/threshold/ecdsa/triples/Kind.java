package io.litj.threshold.ecdsa.triples;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;

/**
 * The eleven message kinds of triple generation: the tag byte that starts each message, the round in which it is
 * sent, who sends it to whom, and its exact body length for a run of threshold {@code t} and {@code N} triples
 * (see {@code docs/ecdsa-triples.md} for the fields). In a pair of parties {@code lo < hi}, {@code lo} is the sender
 * of the base OTs and the receiver of the extended OTs and of the MtA; {@code hi} is the other side.
 */
enum Kind {
    /** Round 1, broadcast: the hash commitment to this party's polynomial commitments. */
    COMMIT(1, 1, Route.ALL, true),
    /** Round 1, lo → hi: the base-OT sender's point {@code Y}. */
    BASE_Y(2, 1, Route.LOWER_TO_HIGHER, false),
    /** Round 2, broadcast: confirmation hash, opening of the commitment, two Schnorr proofs per triple. */
    OPEN(3, 2, Route.ALL, true),
    /** Round 2, private: this party's evaluations {@code e(j)}, {@code f(j)} for the recipient {@code j}. */
    SHARES(4, 2, Route.ALL, false),
    /** Round 2, hi → lo: the base-OT receiver's 128 points {@code X_i}. */
    BASE_X(5, 2, Route.HIGHER_TO_LOWER, false),
    /** Round 3, broadcast: {@code C_i = e(0)·F(0)} with a DLog-equality proof, per triple. */
    PRODUCT(6, 3, Route.ALL, true),
    /** Round 3, lo → hi: the OT-extension matrix {@code U} and the consistency check {@code x, t_j}. */
    EXTENSION(7, 3, Route.LOWER_TO_HIGHER, false),
    /** Round 4, hi → lo: the MtA sender's masked pairs {@code (c0_i, c1_i)}, two MtAs per triple. */
    MTA_CIPHER(8, 4, Route.HIGHER_TO_LOWER, false),
    /** Round 5, lo → hi: the MtA receiver's seed {@code s} and {@code χ_1}, two MtAs per triple. */
    MTA_CHI(9, 5, Route.LOWER_TO_HIGHER, false),
    /** Round 6, broadcast: {@code Ĉ_i = l_0·G} with a Schnorr proof, per triple. */
    RESHARE(10, 6, Route.ALL, true),
    /** Round 6, private: this party's evaluations {@code l_0 + l(j)} for the recipient {@code j}. */
    C_SHARES(11, 6, Route.ALL, false);

    /** The number of rounds in which messages are sent. */
    static final int ROUNDS = 6;

    enum Route { ALL, LOWER_TO_HIGHER, HIGHER_TO_LOWER }

    private final byte tag;
    private final int round;
    private final Route route;
    private final boolean broadcast;

    Kind(int tag, int round, Route route, boolean broadcast) {
        this.tag = (byte) tag;
        this.round = round;
        this.route = route;
        this.broadcast = broadcast;
    }

    byte tag() {
        return tag;
    }

    int round() {
        return round;
    }

    boolean broadcast() {
        return broadcast;
    }

    /** True if party {@code from} sends this kind to party {@code to} (positions in the sorted set differ). */
    boolean sentBetween(int from, int to) {
        return switch (route) {
            case ALL -> true;
            case LOWER_TO_HIGHER -> from < to;
            case HIGHER_TO_LOWER -> from > to;
        };
    }

    /** The body length (after the tag) for threshold {@code t} and {@code count} triples. */
    int bodyLength(int t, int count) {
        int proof = Proofs.SIZE;
        return switch (this) {
            case COMMIT -> Commitments.SIZE;
            case BASE_Y -> Points.SIZE;
            case OPEN -> 2 * Commitments.SIZE + count * ((3 * t - 1) * Points.SIZE + 2 * proof);
            case SHARES -> count * 2 * Wire.SCALAR;
            case BASE_X -> BaseOt.COUNT * Points.SIZE;
            case PRODUCT, RESHARE -> count * (Points.SIZE + proof);
            case EXTENSION -> OtExtension.messageLength(OtExtension.rows(count));
            case MTA_CIPHER -> count * 2 * Mta.ELEMENTS * 2 * Wire.SCALAR;
            case MTA_CHI -> count * 2 * (Mta.SEED + Wire.SCALAR);
            case C_SHARES -> count * Wire.SCALAR;
        };
    }

    /**
     * The kind of a message from its first byte.
     *
     * @throws ThresholdException {@code NodeParserError} for an empty message or an unknown tag
     */
    static Kind of(byte[] payload, int from) {
        if (payload.length == 0) {
            throw new ThresholdException(LitErrorCode.NodeParserError, "empty message from party " + from);
        }
        for (Kind k : values()) {
            if (k.tag == payload[0]) {
                return k;
            }
        }
        throw new ThresholdException(LitErrorCode.NodeParserError,
                "unknown message tag " + (payload[0] & 0xff) + " from party " + from);
    }
}
