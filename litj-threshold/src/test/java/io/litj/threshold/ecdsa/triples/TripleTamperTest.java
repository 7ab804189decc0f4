package io.litj.threshold.ecdsa.triples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.ecdsa.CheatingPartyException;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.ProtocolMessage;
import io.litj.threshold.ecdsa.TripleShare;
import io.litj.threshold.ecdsa.triples.Messages.PointProof;
import io.litj.threshold.ecdsa.triples.Proofs.Proof;
import io.litj.threshold.testing.LocalProtocolRunner;
import io.litj.threshold.testing.LocalProtocolRunner.Outcome;
import io.litj.threshold.testing.SeededRandom;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A cheating party, played by rewriting its messages in flight: every honest party aborts, and the cheater is named
 * wherever a commitment, proof, share or OT check identifies it.
 */
class TripleTamperTest {
    private static final Participants SET = new Participants(List.of(1, 2, 3), 2);
    private static final int T = SET.threshold();

    /** Rewrites the payload of every message of {@code kind} from {@code from} (to {@code to}, or to anyone if 0). */
    static UnaryOperator<ProtocolMessage> rewrite(int from, int to, Kind kind, UnaryOperator<byte[]> change) {
        return m -> m.from() == from && (to == 0 || m.to() == to) && m.payload()[0] == kind.tag()
                ? new ProtocolMessage(m.from(), m.to(), change.apply(m.payload()))
                : m;
    }

    static Outcome<TripleShare> run(UnaryOperator<ProtocolMessage> tamper) {
        return LocalProtocolRunner.run(TripleGenerationTest.parties(SET, 11), tamper);
    }

    static void assertNamed(Outcome<TripleShare> outcome, Set<Integer> victims, int cheater, String words) {
        assertTrue(Collections.disjoint(victims, outcome.outputs().keySet()), "no victim gets a triple");
        assertEquals(victims, outcome.failures().keySet());
        for (ThresholdException e : outcome.failures().values()) {
            CheatingPartyException c = assertInstanceOf(CheatingPartyException.class, e);
            assertEquals(cheater, c.party());
            assertEquals(LitErrorCode.InvalidArgument, c.code());
            assertTrue(c.getMessage().contains(words), c.getMessage());
        }
    }

    static void assertRefused(Outcome<TripleShare> outcome, Set<Integer> victims, LitErrorCode code, String words) {
        assertTrue(Collections.disjoint(victims, outcome.outputs().keySet()), "no victim gets a triple");
        assertEquals(victims, outcome.failures().keySet());
        for (ThresholdException e : outcome.failures().values()) {
            assertFalse(e instanceof CheatingPartyException, e.toString());
            assertEquals(code, e.code());
            assertTrue(e.getMessage().contains(words), e.getMessage());
        }
    }

    static byte[] flip(byte[] p, int at) {
        byte[] out = p.clone();
        out[at] ^= 1;
        return out;
    }

    static Proof bent(Proof p) {
        return new Proof(p.e(), p.s().add(BigInteger.ONE).mod(Scalars.FIELD.order()));
    }

    @Test
    void openingAltered_nameItsSender() {
        assertNamed(run(rewrite(2, 0, Kind.OPEN, p -> flip(p, 1 + 32 + 5))), Set.of(1, 3), 2,
                "opening does not match its round-1 commitment");
    }

    /** Bends proof {@code which} (0: of e(0), 1: of f(0)) in party 2's opening. */
    static UnaryOperator<ProtocolMessage> bendOpeningProof(int which) {
        return rewrite(2, 0, Kind.OPEN, p -> {
            Opening o = Opening.decode(p, 2, T, 1);
            Proof[] pair = o.proofs().get(0).clone();
            pair[which] = bent(pair[which]);
            return new Opening(o.confirm(), o.randomness(), o.polys(), o.polyBytes(), List.<Proof[]>of(pair))
                    .encode(T);
        });
    }

    @Test
    void schnorrProofOfE0Altered_nameItsSender() {
        assertNamed(run(bendOpeningProof(0)), Set.of(1, 3), 2, "proof of knowledge of e(0) for triple 0");
    }

    @Test
    void schnorrProofOfF0Altered_nameItsSender() {
        assertNamed(run(bendOpeningProof(1)), Set.of(1, 3), 2, "proof of knowledge of f(0) for triple 0");
    }

    /** Rewrites the first point-and-proof of a {@link Kind#PRODUCT} or {@link Kind#RESHARE} message. */
    static UnaryOperator<ProtocolMessage> rewritePointProof(int from, Kind kind, UnaryOperator<PointProof> change) {
        return rewrite(from, 0, kind, p -> Messages.pointProofs(kind, T,
                List.of(change.apply(Messages.pointProofs(kind, p, from, T, 1).get(0)))));
    }

    @Test
    void dlogEqProofAltered_nameItsSender() {
        assertNamed(run(rewritePointProof(3, Kind.PRODUCT, pp -> new PointProof(pp.point(), bent(pp.proof())))),
                Set.of(1, 2), 3, "C = e(0)·F(0)");
    }

    @Test
    void productPointReplaced_nameItsSender() {
        assertNamed(run(rewritePointProof(1, Kind.PRODUCT,
                pp -> new PointProof(pp.point().add(Scalars.GROUP.generator()), pp.proof()))),
                Set.of(2, 3), 1, "C = e(0)·F(0)");
    }

    @Test
    void reshareProofAltered_nameItsSender() {
        assertNamed(run(rewritePointProof(2, Kind.RESHARE, pp -> new PointProof(pp.point(), bent(pp.proof())))),
                Set.of(1, 3), 2, "proof of knowledge of l(0)");
    }

    @Test
    void privateShareOfEAltered_recipientNamesTheSender() {
        assertNamed(run(rewrite(3, 1, Kind.SHARES, p -> flip(p, 32))), Set.of(1), 3, "share of e for triple 0");
    }

    @Test
    void privateShareOfFAltered_recipientNamesTheSender() {
        assertNamed(run(rewrite(1, 3, Kind.SHARES, p -> flip(p, 64))), Set.of(3), 1, "share of f for triple 0");
    }

    @Test
    void privateShareOfCAltered_recipientNamesTheSender() {
        Outcome<TripleShare> outcome = run(rewrite(1, 2, Kind.C_SHARES, p -> flip(p, 32)));
        assertEquals(Set.of(2), outcome.failures().keySet());
        CheatingPartyException c = assertInstanceOf(CheatingPartyException.class, outcome.failures().get(2));
        assertEquals(1, c.party());
        assertTrue(c.getMessage().contains("share of c for triple 0"), c.getMessage());
        assertEquals(Set.of(1, 3), outcome.outputs().keySet(), "the others were not sent a bad share");
    }

    @Test
    void otExtensionColumnAltered_hiNamesLo() {
        Outcome<TripleShare> outcome = run(rewrite(1, 3, Kind.EXTENSION, p -> flip(p, 1 + 100)));
        assertEquals(Set.of(3), outcome.failures().keySet());
        CheatingPartyException c = assertInstanceOf(CheatingPartyException.class, outcome.failures().get(3));
        assertEquals(1, c.party());
        assertTrue(c.getMessage().contains("OT extension fails the consistency check"), c.getMessage());
    }

    @Test
    void mtaPairAltered_everyoneAbortsOnTheProductCheck() {
        assertRefused(run(rewrite(3, 2, Kind.MTA_CIPHER, p -> {
            BigInteger[][][] c = Messages.mtaCipher(p, 3, T, 1);
            c[0][5][0] = Scalars.FIELD.add(c[0][5][0], BigInteger.ONE);
            c[0][5][1] = Scalars.FIELD.add(c[0][5][1], BigInteger.ONE);
            return Messages.mtaCipher(T, c);
        })), Set.of(1, 2, 3), LitErrorCode.InvalidArgument, "product check C = L(0)");
    }

    @Test
    void mtaReplyAltered_everyoneAbortsOnTheProductCheck() {
        assertRefused(run(rewrite(1, 2, Kind.MTA_CHI, p -> flip(p, 1 + Mta.SEED + 31))), Set.of(1, 2, 3),
                LitErrorCode.InvalidArgument, "product check C = L(0)");
    }

    @Test
    void confirmationDiffers_isRefusedWithoutNamingAParty() {
        assertRefused(run(rewrite(3, 0, Kind.OPEN, p -> flip(p, 2))), Set.of(1, 2), LitErrorCode.InvalidArgument,
                "party 3 confirms other round-1 commitments");
    }

    @Test
    void truncatedPayload_isAParserError() {
        assertRefused(run(rewrite(2, 0, Kind.OPEN, p -> Arrays.copyOf(p, p.length - 1))), Set.of(1, 3),
                LitErrorCode.NodeParserError, "OPEN message from party 2 must be");
    }

    @Test
    void unknownTag_isAParserError() {
        assertRefused(run(rewrite(2, 0, Kind.COMMIT, p -> new byte[] {99, 1, 2})), Set.of(1, 3),
                LitErrorCode.NodeParserError, "unknown message tag 99 from party 2");
    }

    @Test
    void pointOffTheCurve_isAParserError() {
        assertRefused(run(rewrite(1, 0, Kind.PRODUCT, p -> {
            byte[] out = p.clone();
            out[1] = 2;
            Arrays.fill(out, 2, 34, (byte) 0xff);
            return out;
        })), Set.of(2, 3), LitErrorCode.NodeParserError, "from party 1");
    }

    @Test
    void scalarAboveTheOrder_isAParserError() {
        assertRefused(run(rewrite(2, 0, Kind.RESHARE, p -> {
            byte[] out = p.clone();
            Arrays.fill(out, 1 + 33 + 32, 1 + 33 + 64, (byte) 0xff);
            return out;
        })), Set.of(1, 3), LitErrorCode.NodeParserError, "not below the secp256k1 order");
    }

    @Test
    void messageFromOutsideTheSet_isRefused() {
        assertRefused(run(m -> m.from() == 2 && m.payload()[0] == Kind.PRODUCT.tag()
                ? new ProtocolMessage(9, m.to(), m.payload()) : m), Set.of(1, 2, 3), LitErrorCode.InvalidArgument,
                "party 9 is not another party of [1, 2, 3]");
    }

    @Test
    void kindOnTheWrongRoute_isRefused() {
        assertRefused(run(m -> m.from() == 3 && m.to() == 1 && m.payload()[0] == Kind.BASE_X.tag()
                ? new ProtocolMessage(3, 1, Messages.baseY(Points.G)) : m), Set.of(1),
                LitErrorCode.InvalidArgument, "party 3 sends no BASE_Y message to party 1");
    }

    @Test
    void duplicateMessage_isRefusedAndLeavesTheRunAsItWas() {
        TripleGeneration one = new TripleGeneration(SET, 1, TripleGenerationTest.SID, new SeededRandom(1));
        TripleGeneration two = new TripleGeneration(SET, 2, TripleGenerationTest.SID, new SeededRandom(2));
        List<ProtocolMessage> fromOne = one.start();
        two.start();
        ProtocolMessage commit = fromOne.get(0);
        two.receive(1, commit.payload());
        ThresholdException e = assertThrows(ThresholdException.class,
                () -> two.receive(1, commit.payload()));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertEquals("a second COMMIT message from party 1", e.getMessage());
        assertTrue(two.receive(1, fromOne.get(1).payload()).isEmpty(), "still waiting for party 3");
    }

    @Test
    void messageBeforeStartOrFromSelf_isRefused() {
        TripleGeneration one = new TripleGeneration(SET, 1, TripleGenerationTest.SID, new SeededRandom(1));
        ThresholdException early = assertThrows(ThresholdException.class,
                () -> one.receive(2, new byte[] {1}));
        assertEquals(LitErrorCode.InvalidArgument, early.code());
        List<ProtocolMessage> sent = one.start();
        ThresholdException self = assertThrows(ThresholdException.class,
                () -> one.receive(1, sent.get(0).payload()));
        assertEquals(LitErrorCode.InvalidArgument, self.code());
        ThresholdException again = assertThrows(ThresholdException.class, one::start);
        assertEquals(LitErrorCode.InvalidArgument, again.code());
    }

    @Test
    void afterAFailure_everyMessageIsRefused() {
        var parties = TripleGenerationTest.parties(SET, 5);
        Outcome<TripleShare> outcome = LocalProtocolRunner.run(parties, rewrite(2, 0, Kind.OPEN, p -> flip(p, 40)));
        assertEquals(Set.of(1, 3), outcome.failures().keySet());
        ThresholdException e = assertThrows(ThresholdException.class, () -> parties.get(1).receive(3, new byte[] {6}));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().startsWith("triple generation of party 1 already failed"), e.getMessage());
        assertTrue(parties.get(1).output().isEmpty());
    }
}
