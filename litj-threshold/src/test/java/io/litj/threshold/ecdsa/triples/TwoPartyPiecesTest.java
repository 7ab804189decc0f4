package io.litj.threshold.ecdsa.triples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.threshold.testing.SeededRandom;
import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/** The two-party layers on their own: base OT, OT extension with its check, MtA, and the proofs. */
class TwoPartyPiecesTest {
    private final SeededRandom random = new SeededRandom(5);
    private final byte[] context = {1, 2, 3};

    private record Setup(BaseOt.Receiver receiver, byte[][][] senderKeys) {
    }

    private Setup baseOts() {
        BaseOt.Sender s = new BaseOt.Sender(context, random);
        BaseOt.Receiver r = new BaseOt.Receiver(context, s.bigY(), random);
        return new Setup(r, s.keys(r.bigX()));
    }

    @Test
    void baseOt_receiverGetsTheKeyOfItsBit() {
        Setup s = baseOts();
        byte[] delta = s.receiver().delta();
        for (int i = 0; i < BaseOt.COUNT; i++) {
            int bit = BaseOt.bit(delta, i);
            assertArrayEquals(s.senderKeys()[bit][i], s.receiver().keys()[i]);
            assertFalse(java.util.Arrays.equals(s.senderKeys()[1 - bit][i], s.receiver().keys()[i]));
        }
    }

    private record Extension(Setup setup, OtExtension.Receiver receiver, OtExtension.Sender sender) {
    }

    private Extension extension(int rows) {
        Setup s = baseOts();
        OtExtension.Receiver r = new OtExtension.Receiver(context, s.senderKeys(), rows, random);
        return new Extension(s, r, OtExtension.Sender.of(context, s.receiver().delta(), s.receiver().keys(),
                r.message(), rows).orElseThrow());
    }

    @Test
    void otExtension_receiverGetsTheValueOfItsChoice_andATamperedColumnFailsTheCheck() {
        int rows = OtExtension.rows(1);
        Extension x = extension(rows);
        Setup s = x.setup();
        OtExtension.Receiver r = x.receiver();
        OtExtension.Sender sender = x.sender();
        for (int i = 0; i < rows - OtExtension.PADDING; i++) {
            assertEquals(sender.value(r.choice(i), i), r.value(i));
            assertFalse(sender.value(1 - r.choice(i), i).equals(r.value(i)));
        }
        byte[][] u = r.message().u();
        u[7][3] ^= 4;
        OtExtension.Message bad = new OtExtension.Message(u, r.message().x(), r.message().t());
        assertTrue(OtExtension.Sender.of(context, s.receiver().delta(), s.receiver().keys(), bad, rows).isEmpty());
    }

    @Test
    void mta_sharesAddUpToTheProduct() {
        Extension x = extension(OtExtension.rows(1));
        OtExtension.Receiver r = x.receiver();
        OtExtension.Sender sender = x.sender();
        BigInteger a = Scalars.random(random);
        BigInteger b = Scalars.random(random);
        BigInteger[] delta = Mta.masks(random);
        Mta.Received received = Mta.receive(b, Mta.cipher(a, delta, sender, Mta.ELEMENTS), r, Mta.ELEMENTS, context,
                random);
        BigInteger alpha = Mta.finish(delta, received.reply(), context);
        assertEquals(Scalars.FIELD.mul(a, b), Scalars.FIELD.add(alpha, received.beta()));
    }

    @Test
    void proofs_verifyOnlyForTheirTranscriptAndStatement() {
        Transcript t = Transcript.start("test").add("x", 1);
        BigInteger x = Scalars.randomNonZero(random);
        ECPoint bigX = Points.multiplySecret(Points.G, x);
        Proofs.Proof p = Proofs.proveDlog(t.fork("dlog0", 1, 0), bigX, x, random);
        assertTrue(Proofs.verifyDlog(t.fork("dlog0", 1, 0), bigX, p));
        assertFalse(Proofs.verifyDlog(t.fork("dlog0", 2, 0), bigX, p), "another prover");
        assertFalse(Proofs.verifyDlog(t.fork("dlog1", 1, 0), bigX, p), "another tag");
        assertFalse(Proofs.verifyDlog(t.fork("dlog0", 1, 0), bigX.twice(), p), "another statement");
        ECPoint h = Points.multiplySecret(Points.G, Scalars.randomNonZero(random));
        ECPoint c = Points.multiplySecret(h, x);
        Proofs.Proof eq = Proofs.proveDlogEq(t, h, bigX, c, x, random);
        assertTrue(Proofs.verifyDlogEq(t, h, bigX, c, eq));
        assertFalse(Proofs.verifyDlogEq(t, h, bigX, c.add(Points.G), eq));
    }
}
