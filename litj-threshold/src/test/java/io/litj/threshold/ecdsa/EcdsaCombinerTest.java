package io.litj.threshold.ecdsa;

import static io.litj.threshold.ecdsa.EcdsaSignatureShareTest.BIG_R;
import static io.litj.threshold.ecdsa.EcdsaSignatureShareTest.DIGEST;
import static io.litj.threshold.ecdsa.EcdsaSignatureShareTest.PUBLIC_KEY;
import static io.litj.threshold.ecdsa.EcdsaSignatureShareTest.SHARE_1;
import static io.litj.threshold.ecdsa.EcdsaSignatureShareTest.SHARE_2;
import static io.litj.threshold.ecdsa.EcdsaSignatureShareTest.datilWire;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hex;
import io.litj.threshold.ThresholdException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Combination as the JS SDK does it: vector V5, the checks on shares, and naming a bad share's party. */
class EcdsaCombinerTest {
    private static final byte[] V5_DIGEST = Hex.decode(DIGEST, "digest");
    private static final Bytes V5_KEY = Bytes.fromHex(PUBLIC_KEY, "key");
    private static final EcdsaFixture FIXTURE = new EcdsaFixture(3, 2, 41);
    private static final byte[] DIGEST_A = Hex.decode("11".repeat(32), "d");

    private static List<EcdsaSignatureShare> v5Shares() {
        return List.of(EcdsaSignatureShare.parseWire(datilWire(SHARE_1, 0)),
                EcdsaSignatureShare.parseWire(datilWire(SHARE_2, 0)));
    }

    @Test
    void combine_vectorV5_givesTheRecordedLowSSignature() {
        EcdsaSignature sig = EcdsaCombiner.combine(v5Shares(), V5_KEY, V5_DIGEST);
        assertEquals("32188f0918b7debb0cc846b00b0aad9300308260c2dad25a85fdeca671c36b1b", sig.r().hex());
        assertEquals("0f84f37c7c235e8e6d27678d768f7f8ee71a1276a76b6a65ecf48048a31bb44f", sig.s().hex());
        assertEquals(0, sig.recid());
        assertEquals(V5_KEY, sig.recoverPublicKey(V5_DIGEST));
        byte[] b65 = sig.toBytes65();
        assertEquals(27, b65[64]);
        assertEquals(sig.r().hex() + sig.s().hex() + "1b", Hex.encode(b65));
    }

    @Test
    void combine_vectorV5_sharesInAnyOrder_sameSignature() {
        List<EcdsaSignatureShare> reversed = new ArrayList<>(v5Shares());
        Collections.reverse(reversed);
        assertEquals(EcdsaCombiner.combine(v5Shares(), V5_KEY, V5_DIGEST),
                EcdsaCombiner.combine(reversed, V5_KEY, V5_DIGEST));
    }

    @Test
    void toJsSdkJson_vectorV5_isWhatPkpSignReturns() {
        EcdsaSignature sig = EcdsaCombiner.combine(v5Shares(), V5_KEY, V5_DIGEST);
        assertEquals("{\"r\":\"" + sig.r().hex() + "\",\"s\":\"" + sig.s().hex() + "\",\"recid\":0,\"signature\":\"0x"
                + sig.r().hex() + sig.s().hex() + "1b\",\"publicKey\":\"" + PUBLIC_KEY + "\",\"dataSigned\":\""
                + DIGEST + "\"}", sig.toJsSdkJson(V5_KEY, V5_DIGEST));
        assertEquals("{\"r\":\"" + sig.r().hex() + "\",\"s\":\"" + sig.s().hex() + "\",\"recid\":0,\"signature\":\"0x"
                + sig.r().hex() + sig.s().hex() + "1b\"}", sig.toJsSdkJson());
    }

    @Test
    void combine_oneShareOfV5_doesNotVerify_invalidSignature() {
        ThresholdException e = assertThrows(ThresholdException.class,
                () -> EcdsaCombiner.combine(v5Shares().subList(0, 1), V5_KEY, V5_DIGEST));
        assertEquals(LitErrorCode.InvalidSignature, e.code());
    }

    @Test
    void combine_shareOfAnotherDigestOrKey_namesIt() {
        List<EcdsaSignatureShare> shares = FIXTURE.sign(FIXTURE.presign(FIXTURE.set(1, 3)), DIGEST_A);
        EcdsaSignatureShare s3 = shares.get(1);
        EcdsaSignatureShare otherDigest = new EcdsaSignatureShare(3, s3.signatureShare(), s3.bigR(),
                Bytes.of(V5_DIGEST), s3.publicKey());
        CheatingPartyException e = assertThrows(CheatingPartyException.class,
                () -> EcdsaCombiner.combine(List.of(shares.get(0), otherDigest), FIXTURE.publicKey, DIGEST_A));
        assertEquals(3, e.party());
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        EcdsaSignatureShare otherKey = new EcdsaSignatureShare(3, s3.signatureShare(), s3.bigR(), s3.digest(),
                V5_KEY);
        assertEquals(3, assertThrows(CheatingPartyException.class, () -> EcdsaCombiner.combine(
                List.of(shares.get(0), otherKey), FIXTURE.publicKey, DIGEST_A)).party());
    }

    @Test
    void combine_sharesDisagreeOnBigR_noValidShares() {
        List<EcdsaSignatureShare> shares = FIXTURE.sign(FIXTURE.presign(FIXTURE.set(1, 2)), DIGEST_A);
        EcdsaSignatureShare s2 = shares.get(1);
        EcdsaSignatureShare otherR = new EcdsaSignatureShare(2, s2.signatureShare(), Bytes.fromHex(BIG_R, "r"),
                s2.digest(), s2.publicKey());
        ThresholdException e = assertThrows(ThresholdException.class,
                () -> EcdsaCombiner.combine(List.of(shares.get(0), otherR), FIXTURE.publicKey, DIGEST_A));
        assertEquals(LitErrorCode.NoValidShares, e.code());
        assertTrue(e.getMessage().startsWith("the shares disagree on big_r"), e.getMessage());
    }

    @Test
    void combine_noShares_tooManyShares_badDigestOrKey_refused() {
        assertEquals(LitErrorCode.NoValidShares, assertThrows(ThresholdException.class,
                () -> EcdsaCombiner.combine(List.of(), V5_KEY, V5_DIGEST)).code());
        List<EcdsaSignatureShare> many = Collections.nCopies(256, v5Shares().get(0));
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(ThresholdException.class,
                () -> EcdsaCombiner.combine(many, V5_KEY, V5_DIGEST)).code());
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(ThresholdException.class,
                () -> EcdsaCombiner.combine(v5Shares(), V5_KEY, new byte[31])).code());
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(ThresholdException.class,
                () -> EcdsaCombiner.combine(v5Shares(), Bytes.fromHex(BIG_R, "k"), V5_DIGEST)).code());
    }

    @Test
    void combine_wrongShare_plainCombineRefuses_overloadNamesTheParty() {
        Map<Integer, PresignatureShare> presig = FIXTURE.presign(FIXTURE.set(1, 2, 3));
        List<EcdsaSignatureShare> shares = new ArrayList<>(FIXTURE.sign(presig, DIGEST_A));
        EcdsaSignatureShare good = shares.get(1);
        BigInteger s = new BigInteger(1, good.signatureShare().toByteArray()).add(BigInteger.ONE);
        EcdsaSignatureShare bad = new EcdsaSignatureShare(2, Bytes.of(K256.scalarBytes(s)), good.bigR(),
                good.digest(), good.publicKey());
        shares.set(1, bad);
        assertEquals(LitErrorCode.InvalidSignature, assertThrows(ThresholdException.class,
                () -> EcdsaCombiner.combine(shares, FIXTURE.publicKey, DIGEST_A)).code());
        PresignatureShare mine = presig.get(1);
        CheatingPartyException e = assertThrows(CheatingPartyException.class, () -> EcdsaCombiner.combine(shares,
                FIXTURE.publicKey, DIGEST_A, mine.expectedShareCommitments(DIGEST_A)));
        assertEquals(2, e.party());
        assertFalse(mine.verifiesShare(bad, DIGEST_A));
        assertTrue(mine.verifiesShare(good, DIGEST_A));
        assertTrue(mine.verifiesShare(shares.get(2), DIGEST_A));
        assertFalse(mine.verifiesShare(good, V5_DIGEST), "a share checked against another digest");
    }

    @Test
    void combine_overload_repeatedOrUnknownIndex_invalidArgument() {
        Map<Integer, PresignatureShare> presig = FIXTURE.presign(FIXTURE.set(1, 2));
        List<EcdsaSignatureShare> shares = FIXTURE.sign(presig, DIGEST_A);
        Map<Integer, io.litj.threshold.shamir.GroupElement> expected = presig.get(1).expectedShareCommitments(DIGEST_A);
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(ThresholdException.class, () -> EcdsaCombiner.combine(
                List.of(shares.get(0), shares.get(0)), FIXTURE.publicKey, DIGEST_A, expected)).code());
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(ThresholdException.class, () -> EcdsaCombiner.combine(
                v5Shares(), V5_KEY, V5_DIGEST, expected)).code());
        EcdsaSignature sig = EcdsaCombiner.combine(shares, FIXTURE.publicKey, DIGEST_A, expected);
        assertArrayEquals(sig.toBytes65(), EcdsaCombiner.combine(shares, FIXTURE.publicKey, DIGEST_A).toBytes65());
    }
}
