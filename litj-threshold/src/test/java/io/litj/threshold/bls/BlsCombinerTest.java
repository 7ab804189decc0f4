package io.litj.threshold.bls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.SecretScalar;
import io.litj.threshold.shamir.Shamir;
import io.litj.threshold.shamir.Share;
import io.litj.threshold.testing.SeededRandom;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verified combination of dealer-made 3-of-5 shares, with bad shares mixed in. */
class BlsCombinerTest {
    private static final byte[] MESSAGE = "combine me".getBytes(StandardCharsets.UTF_8);
    private static final SecretScalar SECRET = SecretScalar.random(Group.BLS12_381_G1, new SeededRandom(11));
    private static final BlsSecretKey WHOLE = BlsSecretKey.of(SECRET);
    private static final List<BlsSecretKeyShare> KEY_SHARES = keyShares();
    private static final List<BlsSignatureShare> SHARES = KEY_SHARES.stream().map(k -> k.sign(MESSAGE)).toList();
    private static final List<BlsPublicKeyShare> PUBLIC_SHARES = KEY_SHARES.stream()
            .map(BlsSecretKeyShare::publicKeyShare).toList();
    /** A share with identifier 2 but made by another key. */
    private static final BlsSignatureShare BAD_2 = new BlsSignatureShare(2,
            BlsSecretKey.random(new SeededRandom(12)).sign(MESSAGE));

    private static List<BlsSecretKeyShare> keyShares() {
        List<BlsSecretKeyShare> out = new ArrayList<>();
        for (Share s : Shamir.split(SECRET, 3, 5, new SeededRandom(13))) {
            out.add(BlsSecretKeyShare.of(s));
        }
        return out;
    }

    @Test
    void anyThreeOfFive_combineToTheWholeKeysSignature() {
        BlsSignature expected = WHOLE.sign(MESSAGE);
        for (int a = 0; a < 5; a++) {
            for (int b = a + 1; b < 5; b++) {
                for (int c = b + 1; c < 5; c++) {
                    List<BlsSignatureShare> subset = List.of(SHARES.get(c), SHARES.get(a), SHARES.get(b));
                    assertEquals(expected, BlsCombiner.combineAndVerify(subset, 3, WHOLE.publicKey(), MESSAGE));
                }
            }
        }
    }

    @Test
    void badFirstShare_withoutPublicKeyShares_foundBySubsetSearch() {
        List<BlsSignatureShare> shares = List.of(BAD_2, SHARES.get(0), SHARES.get(2), SHARES.get(3));
        assertEquals(WHOLE.sign(MESSAGE), BlsCombiner.combineAndVerify(shares, 3, WHOLE.publicKey(), MESSAGE));
    }

    @Test
    void badFirstShare_withPublicKeyShares_singledOut() {
        List<BlsSignatureShare> shares = List.of(SHARES.get(0), BAD_2, SHARES.get(2), SHARES.get(4));
        assertEquals(WHOLE.sign(MESSAGE),
                BlsCombiner.combineAndVerify(shares, 3, WHOLE.publicKey(), MESSAGE, PUBLIC_SHARES));
    }

    @Test
    void tooFewGoodShares_withPublicKeyShares_throwsNoValidSharesNamingTheRejected() {
        List<BlsSignatureShare> shares = List.of(SHARES.get(0), BAD_2, SHARES.get(2));
        ThresholdException e = assertThrows(ThresholdException.class,
                () -> BlsCombiner.combineAndVerify(shares, 3, WHOLE.publicKey(), MESSAGE, PUBLIC_SHARES));
        assertEquals(LitErrorCode.NoValidShares, e.code());
        assertEquals("need shares from 3 distinct identifiers that verify against their public key shares "
                + "(rejected [2]) but have 2 [1, 3]", e.getMessage());
    }

    @Test
    void tooFewGoodShares_withoutPublicKeyShares_throwsNoValidShares() {
        List<BlsSignatureShare> shares = List.of(SHARES.get(0), BAD_2, SHARES.get(2));
        ThresholdException e = assertThrows(ThresholdException.class,
                () -> BlsCombiner.combineAndVerify(shares, 3, WHOLE.publicKey(), MESSAGE));
        assertEquals(LitErrorCode.NoValidShares, e.code());
        assertTrue(e.getMessage().startsWith("no 3 of the shares [1, 2, 3] combine"), e.getMessage());
    }

    @Test
    void fewerDistinctIdentifiersThanThreshold_throwsNoValidShares() {
        List<BlsSignatureShare> shares = List.of(SHARES.get(0), SHARES.get(0), SHARES.get(1));
        ThresholdException e = assertThrows(ThresholdException.class,
                () -> BlsCombiner.combineAndVerify(shares, 3, WHOLE.publicKey(), MESSAGE));
        assertEquals(LitErrorCode.NoValidShares, e.code());
        assertEquals("need shares from 3 distinct identifiers but have 2 [1, 2]", e.getMessage());
    }

    @Test
    void conflictingSharesForOneIdentifier_neverCombinedTogether_goodOneUsed() {
        List<BlsSignatureShare> shares = List.of(BAD_2, SHARES.get(1), SHARES.get(0), SHARES.get(2));
        assertEquals(WHOLE.sign(MESSAGE), BlsCombiner.combineAndVerify(shares, 3, WHOLE.publicKey(), MESSAGE));
    }

    @Test
    void wrongPublicKey_throwsNoValidShares() {
        BlsPublicKey other = BlsSecretKey.random(new SeededRandom(99)).publicKey();
        assertEquals(LitErrorCode.NoValidShares, assertThrows(ThresholdException.class,
                () -> BlsCombiner.combineAndVerify(SHARES, 3, other, MESSAGE)).code());
    }

    @Test
    void subsetSearch_isBounded() {
        // 12 shares, all from the wrong key: C(12,6) = 924 subsets, at most MAX_COMBINATIONS are tried
        List<BlsSignatureShare> shares = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            shares.add(new BlsSignatureShare(i, BAD_2.partial()));
        }
        ThresholdException e = assertThrows(ThresholdException.class,
                () -> BlsCombiner.combineAndVerify(shares, 6, WHOLE.publicKey(), MESSAGE));
        assertEquals(LitErrorCode.NoValidShares, e.code());
        assertTrue(e.getMessage().endsWith("(tried 64 combinations, limit 64)"), e.getMessage());
    }

    @Test
    void thresholdOutOfRange_throwsInvalidArgument() {
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(ThresholdException.class,
                () -> BlsCombiner.combineAndVerify(SHARES, 0, WHOLE.publicKey(), MESSAGE)).code());
    }

    @Test
    void rawCombine_repeatedIdentifier_throwsInvalidArgument() {
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(ThresholdException.class,
                () -> BlsCombiner.combine(List.of(SHARES.get(0), SHARES.get(0)))).code());
    }

    @Test
    void conflictingPublicKeyShares_throwInvalidArgument() {
        List<BlsPublicKeyShare> keys = List.of(PUBLIC_SHARES.get(0),
                new BlsPublicKeyShare(1, PUBLIC_SHARES.get(1).publicKey()));
        List<BlsSignatureShare> shares = List.of(BAD_2, SHARES.get(0), SHARES.get(2));
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(ThresholdException.class,
                () -> BlsCombiner.combineAndVerify(shares, 3, WHOLE.publicKey(), MESSAGE, keys)).code());
    }
}
