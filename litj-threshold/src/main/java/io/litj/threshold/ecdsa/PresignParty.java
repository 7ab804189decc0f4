package io.litj.threshold.ecdsa;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hashes;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.shamir.FeldmanCommitments;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.GroupElement;
import io.litj.threshold.shamir.Share;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The state machine behind {@link Presigning}: round 1 broadcasts, round 2 checks and outputs. */
final class PresignParty implements RoundProtocol<PresignatureShare> {
    private static final byte[] RUN_TAG = "litj/ecdsa/presign/v1".getBytes(StandardCharsets.US_ASCII);

    private final Participants set;
    private final int self;
    private final Share keyShare;
    private final FeldmanCommitments keyCommitments;
    private final TripleShare first;
    private final TripleShare second;
    private final Map<Integer, BigInteger> lambdas;
    private final PresignMessage own;
    private final Map<Integer, PresignMessage> received = new TreeMap<>();
    private final Map<Integer, PartyPublic> publics = new TreeMap<>();
    private boolean started;
    private PresignatureShare output;

    private PresignParty(Participants set, int self, Share keyShare, FeldmanCommitments keyCommitments,
            TripleShare first, TripleShare second) {
        this.set = set;
        this.self = self;
        this.keyShare = keyShare;
        this.keyCommitments = keyCommitments;
        this.first = first;
        this.second = second;
        this.lambdas = PresignatureShare.lagrange(set);
        BigInteger lambda = lambdas.get(self);
        BigInteger ka = K256.N.add(value(first.a()), value(second.a()));
        BigInteger xb = K256.N.add(value(keyShare), value(second.b()));
        this.own = new PresignMessage(runId(), K256.N.mul(lambda, value(first.c())), K256.N.mul(lambda, ka),
                K256.N.mul(lambda, xb));
    }

    static PresignParty create(Participants set, int self, Share keyShare, FeldmanCommitments keyCommitments,
            TripleShare first, TripleShare second) {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(keyShare, "keyShare");
        Objects.requireNonNull(keyCommitments, "keyCommitments");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (!set.contains(self) || keyShare.index() != self || first.self() != self || second.self() != self) {
            throw invalid("party " + self + " must be in " + set.indices() + " and hold key share and triple"
                    + " shares of that index (key share " + keyShare.index() + ", triples " + first.self() + " and "
                    + second.self() + ")");
        }
        if (keyShare.group() != Group.SECP256K1 || keyCommitments.group() != Group.SECP256K1
                || keyCommitments.threshold() != set.threshold()) {
            throw invalid("the key must be a secp256k1 sharing of threshold " + set.threshold() + " but is of "
                    + keyCommitments.group() + " threshold " + keyCommitments.threshold());
        }
        keyCommitments.verify(keyShare);
        for (TripleShare t : List.of(first, second)) {
            if (t.participants().threshold() != set.threshold()
                    || !t.participants().indices().containsAll(set.indices())) {
                throw invalid("a triple of " + t.participants() + " cannot serve the signing set " + set);
            }
        }
        Set<GroupElement> values = new HashSet<>();
        for (TripleShare t : List.of(first, second)) {
            values.addAll(List.of(t.bigA().publicKey(), t.bigB().publicKey(), t.bigC().publicKey()));
        }
        if (values.size() != 6) {
            throw invalid("the two triples must differ: one triple used twice reveals the key");
        }
        return new PresignParty(set, self, keyShare, keyCommitments, first, second);
    }

    @Override
    public List<ProtocolMessage> start() {
        if (started) {
            throw invalid("presigning of party " + self + " was started already");
        }
        started = true;
        return List.of(new ProtocolMessage(self, ProtocolMessage.EVERYONE, own.encode()));
    }

    @Override
    public List<ProtocolMessage> receive(int from, byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        if (from == self || !set.contains(from)) {
            throw invalid("party " + self + " takes presigning messages from the other parties of "
                    + set.indices() + ", not from " + from);
        }
        if (received.containsKey(from)) {
            throw invalid("party " + from + " sent a second presigning message");
        }
        PresignMessage m = PresignMessage.decode(from, payload);
        if (!m.runId().equals(own.runId())) {
            throw invalid("party " + from + " sent a message of another presigning run (" + m.runId().hex()
                    + ", this run is " + own.runId().hex() + ")");
        }
        check(from, m);
        received.put(from, m);
        if (received.size() == set.size() - 1) {
            output = finish();
        }
        return List.of();
    }

    @Override
    public Optional<PresignatureShare> output() {
        return Optional.ofNullable(output);
    }

    /**
     * Each value, un-linearized ({@code v·λ_j⁻¹}), times G must be the sender's public share; else the sender
     * cheated. The values are fixed by public data, so a sender cannot tell different parties different things.
     */
    private void check(int j, PresignMessage m) {
        BigInteger lambdaInv = K256.N.inverse(lambdas.get(j));
        PartyPublic pub = publicOf(j);
        if (!K256.timesGenerator(K256.N.mul(m.kd(), lambdaInv)).equals(pub.kd())) {
            throw new CheatingPartyException(j, "its kd does not match the commitments of the first triple");
        }
        if (!K256.timesGenerator(K256.N.mul(m.ka(), lambdaInv)).equals(pub.bigK().add(pub.bigA()))) {
            throw new CheatingPartyException(j, "its ka does not match the commitments of the triples");
        }
        if (!K256.timesGenerator(K256.N.mul(m.xb(), lambdaInv)).equals(pub.bigX().add(pub.bigB()))) {
            throw new CheatingPartyException(j, "its xb does not match the commitments of the key and the second"
                    + " triple");
        }
    }

    /** Party {@code j}'s public shares of {@code k}, {@code kd}, {@code a}, {@code b}, {@code c} and the key. */
    private record PartyPublic(GroupElement bigK, GroupElement kd, GroupElement bigA, GroupElement bigB,
            GroupElement bigC, GroupElement bigX) {
    }

    private PartyPublic publicOf(int j) {
        return publics.computeIfAbsent(j, i -> new PartyPublic(first.bigA().publicShare(i),
                first.bigC().publicShare(i), second.bigA().publicShare(i), second.bigB().publicShare(i),
                second.bigC().publicShare(i), keyCommitments.publicShare(i)));
    }

    private PresignatureShare finish() {
        BigInteger kd = own.kd();
        BigInteger ka = own.ka();
        BigInteger xb = own.xb();
        for (PresignMessage m : received.values()) {
            kd = K256.N.add(kd, m.kd());
            ka = K256.N.add(ka, m.ka());
            xb = K256.N.add(xb, m.xb());
        }
        if (kd.signum() == 0) {
            throw new ThresholdException(LitErrorCode.NoValidShares, "kd is zero: the first triple is degenerate");
        }
        GroupElement bigR = first.bigB().publicKey().multiply(K256.N.inverse(kd));
        BigInteger sigma = K256.N.add(K256.N.sub(K256.N.mul(ka, value(keyShare)), K256.N.mul(xb, value(second.a()))),
                value(second.c()));
        Map<Integer, GroupElement> bigK = new TreeMap<>();
        Map<Integer, GroupElement> bigSigma = new TreeMap<>();
        BigInteger minusXb = K256.N.sub(BigInteger.ZERO, xb);
        for (int j : set.indices()) {
            PartyPublic pub = publicOf(j);
            bigK.put(j, pub.bigK());
            bigSigma.put(j, pub.bigX().multiply(ka).add(pub.bigA().multiply(minusXb)).add(pub.bigC()));
        }
        return PresignatureShare.of(set, self, keyCommitments.publicKey(), bigR, first.a().value().exportSecret(),
                K256.scalarBytes(sigma), bigK, bigSigma, LitErrorCode.NoValidShares);
    }

    /** Binds every message to this set, key and pair of triples. */
    private Bytes runId() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(RUN_TAG);
        out.write(set.threshold());
        out.write(set.size());
        set.indices().forEach(out::write);
        for (FeldmanCommitments c : List.of(keyCommitments, first.bigA(), first.bigB(), first.bigC(),
                second.bigA(), second.bigB(), second.bigC())) {
            c.coefficients().forEach(e -> out.writeBytes(e.toBytes().toByteArray()));
        }
        return Bytes.of(Hashes.sha256(out.toByteArray()));
    }

    private static BigInteger value(Share s) {
        return new BigInteger(1, s.value().exportSecret());
    }

    private static ThresholdException invalid(String message) {
        return new ThresholdException(LitErrorCode.InvalidArgument, message);
    }

    @Override
    public String toString() {
        return "PresignParty[party=" + self + " of " + set.indices() + ", received=" + received.keySet() + "]";
    }
}
