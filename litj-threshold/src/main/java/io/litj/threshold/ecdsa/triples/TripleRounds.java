package io.litj.threshold.ecdsa.triples;

import io.litj.protocol.LitBugException;
import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.ecdsa.CheatingPartyException;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.ProtocolMessage;
import io.litj.threshold.ecdsa.TripleShare;
import io.litj.threshold.ecdsa.triples.Messages.PointProof;
import io.litj.threshold.ecdsa.triples.Proofs.Proof;
import io.litj.threshold.internal.Secrets;
import io.litj.threshold.shamir.FeldmanCommitments;
import io.litj.threshold.shamir.GroupElement;
import io.litj.threshold.shamir.SecretScalar;
import io.litj.threshold.shamir.Share;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.math.ec.ECPoint;

/**
 * What one party computes in each round of triple generation (see {@code docs/ecdsa-triples.md}): {@link #send}
 * gives the messages of rounds 1 to 6, each called once the previous round's messages are all in the
 * {@link Inbox}; {@link #finish} checks the last round and makes the triples. The two-party OT and MtA work is in
 * {@link PairLinks}.
 *
 * <p>Security: holds this party's secrets; prints nothing of them.
 */
final class TripleRounds {
    private final Participants participants;
    private final int self;
    private final byte[] sessionId;
    private final int count;
    private final int t;
    private final SecureRandom random;
    private final Inbox inbox;
    private final List<Integer> others;
    private final Transcript base;
    private final PairLinks links;

    private Dealing dealing;
    private byte[] randomness;
    private byte[] commitment;
    private byte[] confirm;
    private Transcript transcript;
    private final Map<Integer, Opening> openings = new TreeMap<>();
    private final List<SharedSum> sumsA = new ArrayList<>();
    private final List<SharedSum> sumsB = new ArrayList<>();
    private final List<GroupElement> bigC = new ArrayList<>();
    private final List<GroupElement> ownC = new ArrayList<>();
    private final List<GroupElement> ownHatC = new ArrayList<>();
    private final BigInteger[] cross;
    private final List<SecretScalar> l0 = new ArrayList<>();

    TripleRounds(Run run) {
        this.participants = run.participants();
        this.self = run.self();
        this.sessionId = run.sessionId();
        this.count = run.count();
        this.t = run.threshold();
        this.random = run.random();
        this.inbox = run.inbox();
        this.others = run.others();
        this.base = Transcript.start("litj-triples/v1").add("group", "secp256k1".getBytes(StandardCharsets.UTF_8))
                .add("participants", indices(participants)).add("threshold", t).add("count", count)
                .add("session", sessionId);
        this.links = new PairLinks(run);
        this.cross = new BigInteger[count];
        Arrays.fill(cross, BigInteger.ZERO);
    }

    /** The messages of {@code round} (1 to 6). */
    List<ProtocolMessage> send(int round) {
        return switch (round) {
            case 1 -> round1();
            case 2 -> round2();
            case 3 -> round3();
            case 4 -> round4();
            case 5 -> links.round5(this::mtaInput, cross);
            case 6 -> round6();
            default -> throw new LitBugException("triple generation has no round " + round);
        };
    }

    private List<ProtocolMessage> round1() {
        dealing = new Dealing(t, count, random);
        randomness = new byte[Commitments.SIZE];
        random.nextBytes(randomness);
        commitment = Commitments.commit(sessionId, self, randomness, Opening.encodePolys(dealing.commitments(), t));
        List<ProtocolMessage> out = new ArrayList<>();
        out.add(broadcast(Messages.commit(commitment)));
        out.addAll(links.round1());
        return out;
    }

    private List<ProtocolMessage> round2() {
        confirm = Commitments.confirm(commitmentsInOrder());
        transcript = base.add("confirm", confirm);
        List<Proof[]> proofs = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            proofs.add(new Proof[] {
                Proofs.proveDlog(transcript.fork("dlog0", self, m), point(dealing.bigE(m).publicKey()),
                        Scalars.value(dealing.e0(m)), random),
                Proofs.proveDlog(transcript.fork("dlog1", self, m), point(dealing.bigF(m).publicKey()),
                        Scalars.value(dealing.f0(m)), random)});
        }
        byte[] polys = Opening.encodePolys(dealing.commitments(), t);
        List<ProtocolMessage> out = new ArrayList<>();
        out.add(broadcast(new Opening(confirm, randomness, dealing.commitments(), polys, proofs).encode(t)));
        for (int j : others) {
            List<SecretScalar> values = new ArrayList<>();
            for (int m = 0; m < count; m++) {
                values.add(dealing.e(m, j).value());
                values.add(dealing.f(m, j).value());
            }
            out.add(new ProtocolMessage(self, j, Messages.secrets(Kind.SHARES, t, values)));
        }
        out.addAll(links.round2());
        return out;
    }

    private List<ProtocolMessage> round3() {
        for (int j : others) {
            Opening o = inbox.get(Kind.OPEN, j, Opening.class);
            checkOpening(j, o);
            openings.put(j, o);
        }
        List<PointProof> products = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            sumsA.add(sum(m, true));
            sumsB.add(sum(m, false));
            ECPoint h = point(sumsB.get(m).commitments().publicKey());
            BigInteger e0 = Scalars.value(dealing.e0(m));
            ECPoint c = Points.multiplySecret(h, e0);
            Proof proof = Proofs.proveDlogEq(transcript.fork("dlogeq0", self, m), h,
                    point(dealing.bigE(m).publicKey()), c, e0, random);
            ownC.add(Points.toElement(c));
            products.add(new PointProof(ownC.get(m), proof));
        }
        List<ProtocolMessage> out = new ArrayList<>();
        out.add(broadcast(Messages.pointProofs(Kind.PRODUCT, t, products)));
        out.addAll(links.round3(confirm));
        return out;
    }

    private void checkOpening(int j, Opening o) {
        if (!Secrets.equal(o.confirm(), confirm)) {
            throw new ThresholdException(LitErrorCode.InvalidArgument, "party " + j + " confirms other round-1"
                    + " commitments than party " + self + " (a party sent different commitments to different parties)");
        }
        if (!Commitments.opens(inbox.get(Kind.COMMIT, j, byte[].class), sessionId, j, o.randomness(), o.polyBytes())) {
            throw new CheatingPartyException(j, "its opening does not match its round-1 commitment");
        }
        for (int m = 0; m < count; m++) {
            Opening.Polys p = o.polys().get(m);
            if (!Proofs.verifyDlog(transcript.fork("dlog0", j, m), point(p.e().publicKey()), o.proofs().get(m)[0])) {
                throw new CheatingPartyException(j, "its proof of knowledge of e(0) for triple " + m
                        + " does not verify");
            }
            if (!Proofs.verifyDlog(transcript.fork("dlog1", j, m), point(p.f().publicKey()), o.proofs().get(m)[1])) {
                throw new CheatingPartyException(j, "its proof of knowledge of f(0) for triple " + m
                        + " does not verify");
            }
        }
    }

    private List<byte[]> commitmentsInOrder() {
        List<byte[]> all = new ArrayList<>();
        for (int j : participants.indices()) {
            all.add(j == self ? commitment : inbox.get(Kind.COMMIT, j, byte[].class));
        }
        return all;
    }

    /** The sum of everyone's sharing of {@code e} (or {@code f}) for triple {@code m}, checked. */
    @SuppressWarnings("unchecked")
    private SharedSum sum(int m, boolean e) {
        Map<Integer, FeldmanCommitments> dealt = new TreeMap<>();
        Map<Integer, Share> shares = new TreeMap<>();
        dealt.put(self, e ? dealing.bigE(m) : dealing.bigF(m));
        shares.put(self, e ? dealing.e(m, self) : dealing.f(m, self));
        for (int j : others) {
            Opening.Polys p = openings.get(j).polys().get(m);
            dealt.put(j, e ? p.e() : p.f());
            List<SecretScalar> in = inbox.get(Kind.SHARES, j, List.class);
            shares.put(j, Share.of(self, in.get(2 * m + (e ? 0 : 1))));
        }
        return SharedSum.verified(dealt, shares, "share of " + (e ? "e" : "f") + " for triple " + m);
    }

    /** The MtA input for triple {@code m}: instance 0 multiplies {@code e_hi·f_lo}, instance 1 {@code f_hi·e_lo}. */
    private BigInteger mtaInput(int m, int instance, boolean asSender) {
        boolean e = (instance == 0) == asSender;
        return Scalars.value(e ? dealing.e0(m) : dealing.f0(m));
    }

    @SuppressWarnings("unchecked")
    private List<ProtocolMessage> round4() {
        for (int m = 0; m < count; m++) {
            GroupElement sum = ownC.get(m);
            ECPoint h = point(sumsB.get(m).commitments().publicKey());
            for (int j : others) {
                PointProof p = (PointProof) inbox.get(Kind.PRODUCT, j, List.class).get(m);
                ECPoint x = point(openings.get(j).polys().get(m).e().publicKey());
                if (!Proofs.verifyDlogEq(transcript.fork("dlogeq0", j, m), h, x, point(p.point()), p.proof())) {
                    throw new CheatingPartyException(j, "its proof that C = e(0)·F(0) for triple " + m
                            + " does not verify");
                }
                sum = sum.add(p.point());
            }
            bigC.add(sum);
        }
        return links.round4(this::mtaInput);
    }

    private List<ProtocolMessage> round6() {
        links.finishSenders(cross);
        List<PointProof> reshares = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            BigInteger own = Scalars.FIELD.mul(Scalars.value(dealing.e0(m)), Scalars.value(dealing.f0(m)));
            SecretScalar l = Scalars.secret(Scalars.FIELD.add(own, cross[m]));
            l0.add(l);
            GroupElement hatC = l.publicKey();
            ownHatC.add(hatC);
            reshares.add(new PointProof(hatC, Proofs.proveDlog(transcript.fork("dlog2", self, m), point(hatC),
                    Scalars.value(l), random)));
        }
        Arrays.fill(cross, BigInteger.ZERO);
        List<ProtocolMessage> out = new ArrayList<>();
        out.add(broadcast(Messages.pointProofs(Kind.RESHARE, t, reshares)));
        for (int j : others) {
            List<SecretScalar> values = new ArrayList<>();
            for (int m = 0; m < count; m++) {
                values.add(dealing.c(m, j, l0.get(m)).value());
            }
            out.add(new ProtocolMessage(self, j, Messages.secrets(Kind.C_SHARES, t, values)));
        }
        return out;
    }

    /**
     * Checks round 6 and returns this party's triples.
     *
     * @throws CheatingPartyException for a bad proof of {@code Ĉ_j} or a share of {@code c} that does not match
     * @throws ThresholdException {@code InvalidArgument} if {@code C ≠ L(0)}: some party cheated in the
     *     multiplication, which this check cannot trace to one party
     */
    @SuppressWarnings("unchecked")
    List<TripleShare> finish() {
        List<TripleShare> out = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            Map<Integer, FeldmanCommitments> dealt = new TreeMap<>();
            Map<Integer, Share> shares = new TreeMap<>();
            dealt.put(self, reshared(ownHatC.get(m), dealing.commitments().get(m).lRest()));
            shares.put(self, dealing.c(m, self, l0.get(m)));
            for (int j : others) {
                PointProof p = (PointProof) inbox.get(Kind.RESHARE, j, List.class).get(m);
                if (!Proofs.verifyDlog(transcript.fork("dlog2", j, m), point(p.point()), p.proof())) {
                    throw new CheatingPartyException(j, "its proof of knowledge of l(0) for triple " + m
                            + " does not verify");
                }
                dealt.put(j, reshared(p.point(), openings.get(j).polys().get(m).lRest()));
                List<SecretScalar> in = inbox.get(Kind.C_SHARES, j, List.class);
                shares.put(j, Share.of(self, in.get(m)));
            }
            FeldmanCommitments sumL = dealt.values().stream().reduce(FeldmanCommitments::add).orElseThrow();
            if (!sumL.publicKey().equals(bigC.get(m))) {
                throw new ThresholdException(LitErrorCode.InvalidArgument, "triple " + m + " fails the product"
                        + " check C = L(0): a party cheated in the multiplication (the check cannot name it)");
            }
            SharedSum c = SharedSum.verified(dealt, shares, "share of c for triple " + m);
            out.add(new TripleShare(participants, sumsA.get(m).share(), sumsB.get(m).share(), c.share(),
                    sumsA.get(m).commitments(), sumsB.get(m).commitments(), c.commitments()));
        }
        return List.copyOf(out);
    }

    private static FeldmanCommitments reshared(GroupElement constant, List<GroupElement> rest) {
        List<GroupElement> all = new ArrayList<>();
        all.add(constant);
        all.addAll(rest);
        return new FeldmanCommitments(all);
    }

    private ProtocolMessage broadcast(byte[] payload) {
        return new ProtocolMessage(self, ProtocolMessage.EVERYONE, payload);
    }

    private static ECPoint point(GroupElement e) {
        return Points.toPoint(e);
    }

    private static byte[] indices(Participants p) {
        byte[] out = new byte[4 * p.size()];
        for (int i = 0; i < p.size(); i++) {
            System.arraycopy(Scalars.u32(p.indices().get(i)), 0, out, 4 * i, 4);
        }
        return out;
    }

    @Override
    public String toString() {
        return "TripleRounds[party=" + self + ", triples=" + count + "]";
    }
}
