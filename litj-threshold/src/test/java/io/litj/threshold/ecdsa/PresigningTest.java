package io.litj.threshold.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.shamir.FeldmanCommitments;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.Polynomial;
import io.litj.threshold.shamir.SecretScalar;
import io.litj.threshold.testing.DealtTriples;
import io.litj.threshold.testing.LocalProtocolRunner;
import io.litj.threshold.testing.SeededRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Presigning runs: honest agreement, and each kind of wrong message refused with its code and sender named. */
class PresigningTest {
    private static final EcdsaFixture FIXTURE = new EcdsaFixture(5, 3, 11);

    @Test
    void honestRun_everyPartyOutputs_sameRAndIdAndPublicData() {
        Participants set = FIXTURE.set(1, 3, 4, 5);
        Map<Integer, PresignatureShare> out = FIXTURE.presign(set);
        assertEquals(set.indices(), List.copyOf(out.keySet()));
        PresignatureShare one = out.get(1);
        for (PresignatureShare p : out.values()) {
            assertEquals(one.bigR(), p.bigR());
            assertEquals(one.id(), p.id());
            assertEquals(FIXTURE.keyCommitments.publicKey(), p.publicKey());
            for (int j : set.indices()) {
                assertEquals(one.bigK(j), p.bigK(j));
                assertEquals(one.bigSigma(j), p.bigSigma(j));
            }
        }
    }

    @Test
    void triplesOfALargerSet_serveASubsetThatSigns() {
        Participants all = FIXTURE.set(1, 2, 3, 4, 5);
        Participants set = FIXTURE.set(1, 3, 4);
        Map<Integer, TripleShare> first = DealtTriples.deal(all, new SeededRandom(12));
        Map<Integer, TripleShare> second = DealtTriples.deal(all, new SeededRandom(13));
        Map<Integer, RoundProtocol<PresignatureShare>> parties = new java.util.TreeMap<>();
        for (int i : set.indices()) {
            parties.put(i, Presigning.create(set, i, FIXTURE.keyShares.get(i), FIXTURE.keyCommitments,
                    first.get(i), second.get(i)));
        }
        byte[] digest = new byte[32];
        digest[0] = 7;
        Map<Integer, PresignatureShare> out = LocalProtocolRunner.runOrThrow(parties);
        EcdsaSignature sig = EcdsaCombiner.combine(FIXTURE.sign(out, digest), FIXTURE.publicKey, digest);
        assertEquals(FIXTURE.publicKey, sig.recoverPublicKey(digest));
    }

    /** Byte ranges of the broadcast: kd 33..64, ka 65..96, xb 97..128 (after version and run id). */
    @ParameterizedTest
    @ValueSource(ints = {40, 70, 120})
    void tamperedValue_everyRecipientNamesTheSender(int at) {
        Participants set = FIXTURE.set(1, 2, 4);
        LocalProtocolRunner.Outcome<PresignatureShare> out = FIXTURE.presign(set, m -> {
            if (m.from() != 2) {
                return m;
            }
            byte[] p = m.payload();
            p[at] ^= 1;
            return new ProtocolMessage(m.from(), m.to(), p);
        });
        assertEquals(List.of(1, 4), List.copyOf(out.failures().keySet()));
        for (ThresholdException e : out.failures().values()) {
            CheatingPartyException c = assertInstanceOf(CheatingPartyException.class, e);
            assertEquals(2, c.party());
            assertEquals(LitErrorCode.InvalidArgument, c.code());
        }
        assertFalse(out.outputs().containsKey(1));
    }

    @Test
    void tamperedKaMessage_saysWhichValue() {
        LocalProtocolRunner.Outcome<PresignatureShare> out = FIXTURE.presign(FIXTURE.set(1, 2, 3), m -> {
            byte[] p = m.payload();
            if (m.from() == 3) {
                p[70] ^= 1;
            }
            return new ProtocolMessage(m.from(), m.to(), p);
        });
        assertEquals("party 3 cheated: its ka does not match the commitments of the triples",
                out.failures().get(1).getMessage());
    }

    @Test
    void messageOfAnotherRun_refusedWithInvalidArgument() {
        Participants set = FIXTURE.set(1, 2, 3);
        Map<Integer, RoundProtocol<PresignatureShare>> a = FIXTURE.parties(set);
        Map<Integer, RoundProtocol<PresignatureShare>> b = FIXTURE.parties(set);
        byte[] fromOtherRun = b.get(2).start().get(0).payload();
        a.get(1).start();
        ThresholdException e = assertThrows(ThresholdException.class, () -> a.get(1).receive(2, fromOtherRun));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().startsWith("party 2 sent a message of another presigning run"), e.getMessage());
    }

    @Test
    void malformedOrMisaddressedMessages_refusedWithTheirCodes() {
        Participants set = FIXTURE.set(1, 2, 3);
        Map<Integer, RoundProtocol<PresignatureShare>> p = FIXTURE.parties(set);
        byte[] good = p.get(2).start().get(0).payload();
        RoundProtocol<PresignatureShare> me = p.get(1);
        assertEquals(LitErrorCode.NodeParserError, code(() -> me.receive(2, new byte[good.length - 1])));
        byte[] version2 = good.clone();
        version2[0] = 2;
        assertEquals(LitErrorCode.NodeParserError, code(() -> me.receive(2, version2)));
        byte[] overN = good.clone();
        java.util.Arrays.fill(overN, 33, 65, (byte) 0xff);
        assertEquals(LitErrorCode.NodeParserError, code(() -> me.receive(2, overN)));
        assertEquals(LitErrorCode.InvalidArgument, code(() -> me.receive(4, good)));
        assertEquals(LitErrorCode.InvalidArgument, code(() -> me.receive(1, good)));
        me.receive(2, good);
        assertEquals(LitErrorCode.InvalidArgument, code(() -> me.receive(2, good)));
        assertTrue(me.output().isEmpty(), "party 3 has not spoken yet");
        me.receive(3, p.get(3).start().get(0).payload());
        assertTrue(me.output().isPresent());
        me.start();
        assertEquals(LitErrorCode.InvalidArgument, code(me::start));
    }

    @Test
    void create_sameTripleTwice_refused() {
        Participants set = FIXTURE.set(1, 2, 3);
        TripleShare t = DealtTriples.deal(set, new SeededRandom(5)).get(1);
        ThresholdException e = assertThrows(ThresholdException.class, () -> Presigning.create(set, 1,
                FIXTURE.keyShares.get(1), FIXTURE.keyCommitments, t, t));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertEquals("the two triples must differ: one triple used twice reveals the key", e.getMessage());
    }

    @Test
    void create_triplesSharingAValue_refused() {
        Participants set = FIXTURE.set(1, 2, 3);
        TripleShare t1 = DealtTriples.deal(set, new SeededRandom(5)).get(1);
        TripleShare t2 = DealtTriples.deal(set, new SeededRandom(6)).get(1);
        TripleShare sharesB = new TripleShare(set, t2.a(), t1.b(), t2.c(), t2.bigA(), t1.bigB(), t2.bigC());
        assertEquals(LitErrorCode.InvalidArgument, code(() -> Presigning.create(set, 1, FIXTURE.keyShares.get(1),
                FIXTURE.keyCommitments, t1, sharesB)));
    }

    @Test
    void firstTripleWithZeroProduct_everyPartyRefusesWithNoValidShares() {
        Participants set = FIXTURE.set(1, 2, 3);
        Map<Integer, TripleShare> good = DealtTriples.deal(set, new SeededRandom(14));
        Map<Integer, TripleShare> second = DealtTriples.deal(set, new SeededRandom(15));
        Polynomial zero = Polynomial.random(SecretScalar.of(Group.SECP256K1, new byte[32]), 3, new SeededRandom(16));
        Map<Integer, RoundProtocol<PresignatureShare>> parties = new java.util.TreeMap<>();
        for (int i : set.indices()) {
            TripleShare g = good.get(i);
            TripleShare broken = new TripleShare(set, g.a(), g.b(), zero.evaluate(i), g.bigA(), g.bigB(),
                    zero.commitments());
            parties.put(i, Presigning.create(set, i, FIXTURE.keyShares.get(i), FIXTURE.keyCommitments, broken,
                    second.get(i)));
        }
        LocalProtocolRunner.Outcome<PresignatureShare> out = LocalProtocolRunner.run(parties);
        assertEquals(3, out.failures().size());
        out.failures().values().forEach(e -> assertEquals(LitErrorCode.NoValidShares, e.code()));
    }

    @Test
    void create_inconsistentInputs_refusedWithInvalidArgument() {
        Participants set = FIXTURE.set(1, 2, 3);
        Map<Integer, TripleShare> t1 = DealtTriples.deal(set, new SeededRandom(6));
        Map<Integer, TripleShare> t2 = DealtTriples.deal(set, new SeededRandom(7));
        FeldmanCommitments otherKey = Polynomial.random(Group.SECP256K1, 3, new SeededRandom(8)).commitments();
        Participants otherTripleSet = FIXTURE.set(1, 2, 4);
        Participants threshold2 = new Participants(List.of(1, 2, 3), 2);
        List<Runnable> bad = List.of(
                () -> Presigning.create(set, 4, FIXTURE.keyShares.get(4), FIXTURE.keyCommitments, t1.get(1),
                        t2.get(1)),
                () -> Presigning.create(set, 1, FIXTURE.keyShares.get(2), FIXTURE.keyCommitments, t1.get(1),
                        t2.get(1)),
                () -> Presigning.create(set, 1, FIXTURE.keyShares.get(1), FIXTURE.keyCommitments, t1.get(2),
                        t2.get(1)),
                () -> Presigning.create(set, 1, DealtTriples.plusOne(FIXTURE.keyShares.get(1)),
                        FIXTURE.keyCommitments, t1.get(1), t2.get(1)),
                () -> Presigning.create(set, 1, FIXTURE.keyShares.get(1), otherKey, t1.get(1), t2.get(1)),
                () -> Presigning.create(threshold2, 1, FIXTURE.keyShares.get(1), FIXTURE.keyCommitments,
                        t1.get(1), t2.get(1)),
                () -> Presigning.create(set, 1, FIXTURE.keyShares.get(1), FIXTURE.keyCommitments,
                        DealtTriples.deal(otherTripleSet, new SeededRandom(9)).get(1), t2.get(1)));
        for (int i = 0; i < bad.size(); i++) {
            assertEquals(LitErrorCode.InvalidArgument, code(bad.get(i)::run), "case " + i);
        }
    }

    @Test
    void partyState_printed_showsNoSecret() {
        RoundProtocol<PresignatureShare> p = FIXTURE.parties(FIXTURE.set(1, 2, 3)).get(1);
        String printed = p.toString();
        assertEquals("PresignParty[party=1 of [1, 2, 3], received=[]]", printed);
    }

    private static LitErrorCode code(Runnable r) {
        return assertThrows(ThresholdException.class, r::run).code();
    }
}
