package io.litj.threshold.shamir;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.testing.SeededRandom;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Split, reconstruct and Feldman verification over both groups. */
class ShamirTest {
    @ParameterizedTest
    @EnumSource(Group.class)
    void split3of5_anyThreeReconstruct_twoDoNot(Group g) {
        SecretScalar secret = SecretScalar.random(g, new SeededRandom(1));
        List<Share> shares = Shamir.split(secret, 3, 5, new SeededRandom(2));
        assertEquals(5, shares.size());
        assertTrue(secret.sameSecretAs(Shamir.reconstruct(List.of(shares.get(4), shares.get(0), shares.get(2)))));
        assertTrue(secret.sameSecretAs(Shamir.reconstruct(shares)));
        assertFalse(secret.sameSecretAs(Shamir.reconstruct(List.of(shares.get(1), shares.get(3)))));
    }

    @Test
    void reconstruct_smallField_matchesHandComputation() {
        // f(x) = 7 + 3x over the BLS field: shares (1, 10) and (2, 13) give f(0) = 2·10 − 13 = 7
        Share s1 = Share.of(1, SecretScalar.from(Group.BLS12_381_G1, BigInteger.TEN));
        Share s2 = Share.of(2, SecretScalar.from(Group.BLS12_381_G1, BigInteger.valueOf(13)));
        assertEquals(BigInteger.valueOf(7), Shamir.reconstruct(List.of(s1, s2)).value());
    }

    @Test
    void reconstruct_repeatedIndex_throwsInvalidArgument() {
        List<Share> shares = Shamir.split(SecretScalar.random(Group.SECP256K1, new SeededRandom(3)), 2, 3,
                new SeededRandom(4));
        ThresholdException e = assertThrows(ThresholdException.class,
                () -> Shamir.reconstruct(List.of(shares.get(0), shares.get(0))));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertEquals("share index 1 appears twice", e.getMessage());
    }

    @Test
    void reconstruct_mixedGroupsOrEmpty_throwsInvalidArgument() {
        Share a = Share.of(1, SecretScalar.random(Group.SECP256K1, new SeededRandom(5)));
        Share b = Share.of(2, SecretScalar.random(Group.BLS12_381_G1, new SeededRandom(5)));
        assertEquals(LitErrorCode.InvalidArgument,
                assertThrows(ThresholdException.class, () -> Shamir.reconstruct(List.of(a, b))).code());
        assertEquals(LitErrorCode.InvalidArgument,
                assertThrows(ThresholdException.class, () -> Shamir.reconstruct(List.of())).code());
    }

    @Test
    void split_badParameters_throwInvalidArgument() {
        SecretScalar s = SecretScalar.random(Group.SECP256K1, new SeededRandom(6));
        for (int[] tn : new int[][] {{0, 3}, {4, 3}, {2, 256}}) {
            assertEquals(LitErrorCode.InvalidArgument, assertThrows(ThresholdException.class,
                    () -> Shamir.split(s, tn[0], tn[1], new SeededRandom(7))).code(), tn[0] + "/" + tn[1]);
        }
    }

    @Test
    void secretScalar_notBelowOrder_throwsInvalidArgument() {
        byte[] order = Group.SECP256K1.order().toByteArray();
        byte[] n = java.util.Arrays.copyOfRange(order, order.length - 32, order.length);
        assertEquals(LitErrorCode.InvalidArgument,
                assertThrows(ThresholdException.class, () -> SecretScalar.of(Group.SECP256K1, n)).code());
    }

    @ParameterizedTest
    @EnumSource(Group.class)
    void feldman_verifiesGoodShares_refusesChangedOnes(Group g) {
        Polynomial p = Polynomial.random(g, 3, new SeededRandom(8));
        FeldmanCommitments c = p.commitments();
        assertEquals(3, c.threshold());
        for (Share s : p.shares(5)) {
            assertDoesNotThrow(() -> c.verify(s));
            assertEquals(s.publicValue(), c.publicShare(s.index()));
            Share changed = Share.of(s.index(), SecretScalar.from(g, g.field().add(s.value().value(), BigInteger.ONE)));
            assertFeldmanRefused(c, changed);
            assertFeldmanRefused(c, Share.of(s.index() + 1, s.value()));
        }
        assertEquals(Shamir.reconstruct(p.shares(3)).publicKey(), c.publicKey());
    }

    @Test
    void feldman_shareOfOtherGroup_throwsInvalidArgument() {
        FeldmanCommitments c = Polynomial.random(Group.SECP256K1, 2, new SeededRandom(9)).commitments();
        Share other = Polynomial.random(Group.BLS12_381_G1, 2, new SeededRandom(9)).evaluate(1);
        ThresholdException e = assertFeldmanRefused(c, other);
        assertEquals("share 1 is of BLS12_381_G1 but the commitments are of SECP256K1", e.getMessage());
    }

    @Test
    void feldman_changedShare_saysWhichShareDoesNotMatch() {
        Polynomial p = Polynomial.random(Group.SECP256K1, 2, new SeededRandom(9));
        ThresholdException e = assertFeldmanRefused(p.commitments(), Share.of(2, p.evaluate(1).value()));
        assertEquals("share 2 does not match the commitments of key "
                + p.commitments().publicKey().toBytes().hex().substring(0, 64) + "…", e.getMessage());
    }

    private static ThresholdException assertFeldmanRefused(FeldmanCommitments c, Share share) {
        ThresholdException e = assertThrows(ThresholdException.class, () -> c.verify(share));
        assertEquals(LitErrorCode.InvalidArgument, e.code(), e::getMessage);
        return e;
    }

    @ParameterizedTest
    @EnumSource(Group.class)
    void feldman_sumOfCommitments_commitsToSumOfShares(Group g) {
        Polynomial p = Polynomial.random(g, 2, new SeededRandom(10));
        Polynomial q = Polynomial.random(g, 2, new SeededRandom(11));
        FeldmanCommitments sum = p.commitments().add(q.commitments());
        for (int i = 1; i <= 3; i++) {
            Share s = p.evaluate(i).add(q.evaluate(i));
            assertDoesNotThrow(() -> sum.verify(s));
        }
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(ThresholdException.class,
                () -> p.commitments().add(Polynomial.random(g, 3, new SeededRandom(12)).commitments())).code());
    }

    @Test
    void feldmanCommitments_mixedGroupsOrEmpty_throwInvalidArgument() {
        assertEquals(LitErrorCode.InvalidArgument,
                assertThrows(ThresholdException.class, () -> new FeldmanCommitments(List.of())).code());
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(ThresholdException.class,
                () -> new FeldmanCommitments(List.of(Group.SECP256K1.generator(), Group.BLS12_381_G1.generator())))
                .code());
    }

    @Test
    void polynomial_evaluateAtZeroOrNegative_throwsInvalidArgument() {
        Polynomial p = Polynomial.random(Group.SECP256K1, 2, new SeededRandom(13));
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(ThresholdException.class, () -> p.evaluate(0)).code());
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(ThresholdException.class, () -> p.evaluate(-1)).code());
    }

    @Test
    void polynomial_sameSeed_sameSecret() {
        assertTrue(Polynomial.random(Group.SECP256K1, 3, new SeededRandom(14))
                .sameSecretAs(Polynomial.random(Group.SECP256K1, 3, new SeededRandom(14))));
        assertFalse(Polynomial.random(Group.SECP256K1, 3, new SeededRandom(14))
                .sameSecretAs(Polynomial.random(Group.SECP256K1, 3, new SeededRandom(15))));
    }

    @Test
    void share_addDifferentIndex_throwsInvalidArgument() {
        Polynomial p = Polynomial.random(Group.SECP256K1, 2, new SeededRandom(16));
        assertEquals(LitErrorCode.InvalidArgument,
                assertThrows(ThresholdException.class, () -> p.evaluate(1).add(p.evaluate(2))).code());
    }
}
