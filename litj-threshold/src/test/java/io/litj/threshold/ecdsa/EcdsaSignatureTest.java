package io.litj.threshold.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ThresholdException;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The signature record's range checks, recovery refusals, and a sum of shares that is zero. */
class EcdsaSignatureTest {
    private static final BigInteger N = K256.N.order();
    private static final byte[] DIGEST = new byte[32];

    private static Bytes scalar(BigInteger v) {
        return Bytes.of(K256.scalarBytes(v));
    }

    @Test
    void constructor_outOfRange_refusedWithInvalidArgument() {
        Bytes one = scalar(BigInteger.ONE);
        List<Runnable> bad = List.of(
                () -> new EcdsaSignature(scalar(BigInteger.ZERO), one, 0),
                () -> new EcdsaSignature(one, scalar(BigInteger.ZERO), 0),
                () -> new EcdsaSignature(one, scalar(K256.HALF_N.add(BigInteger.ONE)), 0),
                () -> new EcdsaSignature(one, one, 2),
                () -> new EcdsaSignature(Bytes.of(new byte[31]), one, 0),
                () -> new EcdsaSignature(Bytes.of(N.toByteArray()), one, 0));
        for (int i = 0; i < bad.size(); i++) {
            assertEquals(LitErrorCode.InvalidArgument, assertThrows(ThresholdException.class, bad.get(i)::run).code(),
                    "case " + i);
        }
        new EcdsaSignature(one, scalar(K256.HALF_N), 1);
    }

    @Test
    void recoverPublicKey_rNotTheXOfAPoint_invalidSignature() {
        EcdsaSignature sig = new EcdsaSignature(scalar(BigInteger.valueOf(5)), scalar(BigInteger.ONE), 0);
        ThresholdException e = assertThrows(ThresholdException.class, () -> sig.recoverPublicKey(DIGEST));
        assertEquals(LitErrorCode.InvalidSignature, e.code());
    }

    @Test
    void combine_sharesSummingToZero_noValidShares() {
        EcdsaSignatureShare a = EcdsaSignatureShare.parseWire(EcdsaSignatureShareTest.datilWire(
                EcdsaSignatureShareTest.SHARE_1, 1));
        BigInteger s = new BigInteger(1, a.signatureShare().toByteArray());
        EcdsaSignatureShare b = new EcdsaSignatureShare(2, scalar(N.subtract(s)), a.bigR(), a.digest(),
                a.publicKey());
        ThresholdException e = assertThrows(ThresholdException.class,
                () -> EcdsaCombiner.combine(List.of(a, b), a.publicKey(), a.digest().toByteArray()));
        assertEquals(LitErrorCode.NoValidShares, e.code());
        assertEquals("the 2 shares sum to s = 0, which is no signature", e.getMessage());
    }
}
