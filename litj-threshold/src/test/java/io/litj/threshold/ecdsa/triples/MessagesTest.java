package io.litj.threshold.ecdsa.triples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.ecdsa.triples.Messages.PointProof;
import io.litj.threshold.ecdsa.triples.Proofs.Proof;
import io.litj.threshold.shamir.GroupElement;
import io.litj.threshold.shamir.SecretScalar;
import io.litj.threshold.testing.SeededRandom;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/** The binary encoding: round trips, exact lengths per kind, and strict refusal of malformed fields. */
class MessagesTest {
    private final SeededRandom random = new SeededRandom(77);

    private BigInteger scalar() {
        return Scalars.random(random);
    }

    private GroupElement element() {
        return Scalars.secret(Scalars.randomNonZero(random)).publicKey();
    }

    @Test
    void lengths_followFromThresholdAndCount() {
        assertEquals(32, Kind.COMMIT.bodyLength(3, 1));
        assertEquals(64 + 2 * (8 * 33 + 128), Kind.OPEN.bodyLength(3, 2));
        assertEquals(128 * 33, Kind.BASE_X.bodyLength(2, 64));
        assertEquals(4 * 97, Kind.RESHARE.bodyLength(2, 4));
        assertEquals(64 * 2 * 384 * 64, Kind.MTA_CIPHER.bodyLength(2, 64), "the largest message: 3 MiB");
        int rows = 64 * 768 + 256;
        assertEquals(128 * rows / 8 + 16 + 128 * 16, Kind.EXTENSION.bodyLength(2, 64));
        for (Kind k : Kind.values()) {
            assertTrue(k.bodyLength(255, 64) < 4 << 20, k + " stays below 4 MiB at the limits");
        }
    }

    @Test
    void pointProofs_roundTrip() {
        List<PointProof> in = List.of(new PointProof(element(), new Proof(scalar(), scalar())),
                new PointProof(Scalars.GROUP.identity(), new Proof(scalar(), scalar())));
        byte[] wire = Messages.pointProofs(Kind.PRODUCT, 2, in);
        assertEquals(1 + 2 * 97, wire.length);
        assertEquals(Kind.PRODUCT.tag(), wire[0]);
        assertEquals(in, Messages.pointProofs(Kind.PRODUCT, wire, 1, 2, 2));
        assertArrayEquals(new byte[33], Arrays.copyOfRange(wire, 98, 131), "the identity is 33 zero bytes");
    }

    @Test
    void secrets_roundTrip() {
        List<SecretScalar> in = List.of(Scalars.secret(scalar()), Scalars.secret(scalar()));
        byte[] wire = Messages.secrets(Kind.SHARES, 3, in);
        List<SecretScalar> out = Messages.secrets(Kind.SHARES, wire, 2, 3, 1);
        assertTrue(in.get(0).sameSecretAs(out.get(0)) && in.get(1).sameSecretAs(out.get(1)));
    }

    @Test
    void opening_roundTripKeepsTheCommittedBytes() {
        Dealing d = new Dealing(3, 2, random);
        byte[] polys = Opening.encodePolys(d.commitments(), 3);
        List<Proof[]> proofs = List.of(new Proof[] {new Proof(scalar(), scalar()), new Proof(scalar(), scalar())},
                new Proof[] {new Proof(scalar(), scalar()), new Proof(scalar(), scalar())});
        byte[] confirm = new byte[32];
        byte[] r = new byte[32];
        random.nextBytes(r);
        byte[] wire = new Opening(confirm, r, d.commitments(), polys, proofs).encode(3);
        Opening back = Opening.decode(wire, 1, 3, 2);
        assertArrayEquals(polys, back.polyBytes());
        assertArrayEquals(r, back.randomness());
        assertEquals(d.commitments(), back.polys());
        assertEquals(proofs.get(1)[1], back.proofs().get(1)[1]);
        assertArrayEquals(wire, back.encode(3));
    }

    @Test
    void mtaAndBaseOt_roundTrip() {
        BigInteger[][][] c = new BigInteger[2][Mta.ELEMENTS][2];
        for (BigInteger[][] inst : c) {
            for (BigInteger[] pair : inst) {
                pair[0] = scalar();
                pair[1] = scalar();
            }
        }
        assertTrue(Arrays.deepEquals(c, Messages.mtaCipher(Messages.mtaCipher(2, c), 3, 2, 1)));
        List<Mta.Reply> replies = List.of(new Mta.Reply(new byte[16], scalar()), new Mta.Reply(new byte[16], scalar()));
        List<Mta.Reply> back = Messages.mtaChi(Messages.mtaChi(2, replies), 1, 2, 1);
        assertEquals(replies.get(1).chi0(), back.get(1).chi0());
        ECPoint[] x = new ECPoint[BaseOt.COUNT];
        for (int i = 0; i < x.length; i++) {
            x[i] = Points.toPoint(element());
        }
        assertTrue(Arrays.equals(x, Messages.baseX(Messages.baseX(x), 2)));
    }

    private static ThresholdException refused(Runnable r) {
        return assertThrows(ThresholdException.class, r::run);
    }

    @Test
    void decode_wrongLengthOrTag_isAParserErrorNamingKindAndSender() {
        byte[] wire = Messages.commit(new byte[32]);
        ThresholdException shortOne = refused(() -> Messages.commit(Arrays.copyOf(wire, 32), 4));
        assertEquals(LitErrorCode.NodeParserError, shortOne.code());
        assertEquals("COMMIT message from party 4 must be 33 bytes but is 32", shortOne.getMessage());
        ThresholdException longOne = refused(() -> Messages.commit(Arrays.copyOf(wire, 34), 4));
        assertEquals(LitErrorCode.NodeParserError, longOne.code());
        ThresholdException empty = refused(() -> Kind.of(new byte[0], 5));
        assertEquals(LitErrorCode.NodeParserError, empty.code());
        assertEquals("empty message from party 5", empty.getMessage());
        assertEquals(LitErrorCode.NodeParserError, refused(() -> Kind.of(new byte[] {0}, 5)).code());
    }

    @Test
    void decode_badPoints_areParserErrors() {
        byte[] wire = Messages.baseY(Points.toPoint(element()));
        byte[] badPrefix = wire.clone();
        badPrefix[1] = 4;
        assertEquals(LitErrorCode.NodeParserError, refused(() -> Messages.baseY(badPrefix, 2)).code());
        byte[] notZero = new byte[34];
        notZero[0] = Kind.BASE_Y.tag();
        notZero[33] = 1;
        ThresholdException e = refused(() -> Messages.baseY(notZero, 2));
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertTrue(e.getMessage().contains("not 33 zero bytes"), e.getMessage());
        byte[] identity = new byte[34];
        identity[0] = Kind.BASE_Y.tag();
        ThresholdException id = refused(() -> Messages.baseY(identity, 2));
        assertEquals("base-OT point Y from party 2 is the identity", id.getMessage());
        byte[] offCurve = wire.clone();
        Arrays.fill(offCurve, 2, 34, (byte) 0xff);
        assertEquals(LitErrorCode.NodeParserError, refused(() -> Messages.baseY(offCurve, 2)).code());
        List<PointProof> one = List.of(new PointProof(element(), new Proof(scalar(), scalar())));
        byte[] pp = Messages.pointProofs(Kind.RESHARE, 2, one);
        Arrays.fill(pp, 2, 34, (byte) 0xff);
        ThresholdException bad = refused(() -> Messages.pointProofs(Kind.RESHARE, pp, 3, 2, 1));
        assertEquals(LitErrorCode.NodeParserError, bad.code());
        assertTrue(bad.getMessage().contains("from party 3"), bad.getMessage());
    }

    @Test
    void decode_scalarNotBelowTheOrder_isAParserError() {
        List<SecretScalar> in = new ArrayList<>(List.of(Scalars.secret(scalar())));
        byte[] wire = Messages.secrets(Kind.C_SHARES, 2, in);
        byte[] order = Scalars.FIELD.order().toByteArray();
        System.arraycopy(order, order.length - 32, wire, 1, 32);
        ThresholdException e = refused(() -> Messages.secrets(Kind.C_SHARES, wire, 2, 2, 1));
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertEquals("C_SHARES value 0 from party 2 is not below the secp256k1 order", e.getMessage());
    }

    @Test
    void decode_randomAndMutatedBytes_onlyEverRefuseWithAParserError() {
        SeededRandom fuzz = new SeededRandom(2024);
        int failures = 0;
        for (Kind kind : Kind.values()) {
            int length = 1 + kind.bodyLength(2, 1);
            for (int n = 0; n < 60; n++) {
                byte[] p = new byte[n % 5 == 0 ? (length + (n % 3) - 1) : length];
                fuzz.nextBytes(p);
                p[0] = kind.tag();
                for (int at = 1; at + 33 <= p.length && n % 2 == 0; at += 33) {
                    p[at] = (byte) (n % 4 == 0 ? 2 : 0);
                }
                try {
                    TripleParty.decode(kind, 2, p, 2, 1);
                } catch (ThresholdException e) {
                    assertEquals(LitErrorCode.NodeParserError, e.code(), e.toString());
                    assertTrue(e.getMessage().length() < 300, e.getMessage());
                    failures++;
                }
            }
        }
        assertTrue(failures > 0, "some inputs were refused");
    }
}
