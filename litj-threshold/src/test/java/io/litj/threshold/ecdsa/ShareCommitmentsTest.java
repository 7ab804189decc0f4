package io.litj.threshold.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hex;
import io.litj.threshold.ThresholdException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A presignature's public data, as a node sends it, checks every party's share by itself. */
class ShareCommitmentsTest {
    private static final EcdsaFixture FIXTURE = new EcdsaFixture(3, 2, 43);
    private static final byte[] DIGEST = Hex.decode("22".repeat(32), "d");

    /** The public data as it travels: compressed points by share index, read back with {@link ShareCommitments#parse}. */
    private static ShareCommitments wire(ShareCommitments c) {
        Map<Integer, Bytes> k = new HashMap<>();
        Map<Integer, Bytes> sigma = new HashMap<>();
        for (int j : c.participants().indices()) {
            k.put(j, c.bigK(j).toBytes());
            sigma.put(j, c.bigSigma(j).toBytes());
        }
        return ShareCommitments.parse(c.participants(), c.bigR().toBytes(), k, sigma);
    }

    @Test
    void matches_everyPartysRightShare_andNoWrongOne() {
        Map<Integer, PresignatureShare> presig = FIXTURE.presign(FIXTURE.set(1, 3));
        List<EcdsaSignatureShare> shares = FIXTURE.sign(presig, DIGEST);
        ShareCommitments c = wire(presig.get(3).commitments());

        assertEquals(presig.get(1).commitments(), c, "every party holds the same public data");
        for (EcdsaSignatureShare s : shares) {
            assertTrue(c.matches(s.shareIndex(), s.signatureShare(), DIGEST));
            BigInteger wrong = new BigInteger(1, s.signatureShare().toByteArray()).add(BigInteger.ONE);
            assertFalse(c.matches(s.shareIndex(), Bytes.of(K256.scalarBytes(wrong)), DIGEST));
            assertFalse(c.matches(s.shareIndex(), s.signatureShare(), Hex.decode("33".repeat(32), "d")));
        }
        assertFalse(c.matches(1, shares.get(1).signatureShare(), DIGEST), "another party's share");
    }

    @Test
    void parse_pointOffTheCurveOrMissingParty_invalidArgument() {
        ShareCommitments c = FIXTURE.presign(FIXTURE.set(1, 2)).get(1).commitments();
        Map<Integer, Bytes> k = Map.of(1, c.bigK(1).toBytes(), 2, c.bigK(2).toBytes());
        Map<Integer, Bytes> sigma = Map.of(1, c.bigSigma(1).toBytes(), 2, c.bigSigma(2).toBytes());
        Bytes offCurve = Bytes.fromHex("02" + "00".repeat(31) + "05", "p");

        assertEquals(LitErrorCode.InvalidArgument, assertThrows(ThresholdException.class, () ->
                ShareCommitments.parse(c.participants(), c.bigR().toBytes(), Map.of(1, c.bigK(1).toBytes()), sigma))
                .code());
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(ThresholdException.class, () ->
                ShareCommitments.parse(c.participants(), offCurve, k, sigma)).code());
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(ThresholdException.class, () ->
                c.expected(3, DIGEST)).code());
    }
}
