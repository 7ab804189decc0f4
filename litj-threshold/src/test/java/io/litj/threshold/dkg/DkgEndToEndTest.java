package io.litj.threshold.dkg;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.bls.BlsCombiner;
import io.litj.threshold.bls.BlsPublicKey;
import io.litj.threshold.bls.BlsPublicKeyShare;
import io.litj.threshold.bls.BlsSecretKeyShare;
import io.litj.threshold.bls.BlsSignature;
import io.litj.threshold.bls.BlsSignatureShare;
import io.litj.threshold.bls.Bls;
import io.litj.threshold.shamir.GroupElement;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.SecretScalar;
import io.litj.threshold.shamir.Shamir;
import io.litj.threshold.shamir.Share;
import io.litj.threshold.testing.LocalDkgRunner;
import io.litj.threshold.testing.LocalDkgRunner.Cheat;
import io.litj.threshold.testing.LocalDkgRunner.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Whole DKG runs over both groups (3-of-5 and 2-of-3), honest and with one cheater, wired by LocalDkgRunner. */
class DkgEndToEndTest {
    static Stream<Arguments> setups() {
        return Stream.of(Arguments.of(Group.BLS12_381_G1, 5, 3), Arguments.of(Group.BLS12_381_G1, 3, 2),
                Arguments.of(Group.SECP256K1, 5, 3), Arguments.of(Group.SECP256K1, 3, 2));
    }

    @ParameterizedTest(name = "{0} {2}-of-{1}")
    @MethodSource("setups")
    void honestRun_everyoneAgrees_sharesMatchTheKey(Group group, int n, int t) {
        DkgConfig config = new DkgConfig(group, n, t);
        Outcome out = LocalDkgRunner.of(config, 1).run();
        assertTrue(out.failures().isEmpty(), out.failures().toString());
        assertTrue(out.complaints().isEmpty());
        assertEquals(n, out.results().size());
        assertConsistent(out, all(n), config);
        DkgResult any = out.results().get(1);
        assertEquals(all(n), any.qualified());
        assertTrue(any.disqualified().isEmpty());

        List<Share> shares = out.results().values().stream().map(DkgResult::secretShare).toList();
        SecretScalar secret = Shamir.reconstruct(shares.subList(n - t, n));
        assertEquals(any.groupPublicKey(), secret.publicKey(), "t shares reconstruct the group secret");
        assertTrue(secret.sameSecretAs(Shamir.reconstruct(shares)));
        assertNotEquals(any.groupPublicKey(), Shamir.reconstruct(shares.subList(0, t - 1)).publicKey(),
                "t-1 shares do not");
    }

    @ParameterizedTest(name = "{0} {2}-of-{1}")
    @MethodSource("setups")
    void honestParties_seeOnlyCommitmentsAndTheirOwnShareOfEachDealer(Group group, int n, int t) {
        Outcome out = LocalDkgRunner.of(new DkgConfig(group, n, t), 2).run();
        for (Map.Entry<Integer, List<io.litj.threshold.dkg.DkgMessage>> e : out.inboxes().entrySet()) {
            int me = e.getKey();
            Map<Integer, Set<Integer>> pointsOfDealer = new HashMap<>();
            for (DkgMessage m : e.getValue()) {
                switch (m) {
                    case DkgPrivateShare s -> {
                        assertEquals(me, s.recipient());
                        pointsOfDealer.computeIfAbsent(s.sender(), k -> new HashSet<>()).add(s.share().index());
                    }
                    case DkgReveal r -> pointsOfDealer.computeIfAbsent(r.sender(), k -> new HashSet<>())
                            .add(r.share().index());
                    case DkgCommitment c -> assertEquals(t, c.commitments().threshold());
                    case DkgComplaint c -> { }
                }
            }
            assertEquals(n - 1, pointsOfDealer.size());
            pointsOfDealer.values().forEach(points -> assertEquals(Set.of(me), points));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Cheat.class, names = {"BAD_SHARE_BAD_REVEAL", "BAD_SHARE_NO_REVEAL", "SILENT"})
    void cheatingDealer_isDisqualified_restAgreeOnAWorkingKey(Cheat cheat) {
        DkgConfig config = new DkgConfig(Group.BLS12_381_G1, 5, 3);
        Outcome out = LocalDkgRunner.of(config, 3).withCheater(4, 2, cheat).run();
        List<Integer> honest = List.of(1, 2, 3, 5);
        List<Integer> qual = List.of(1, 2, 3, 5);
        if (cheat != Cheat.SILENT) {
            assertEquals(List.of(new DkgComplaint(2, 4)), out.complaints(), "the victim complained");
        }
        Map<Integer, DkgResult> honestResults = new HashMap<>();
        honest.forEach(i -> honestResults.put(i, out.results().get(i)));
        for (DkgResult r : honestResults.values()) {
            assertEquals(qual, r.qualified());
            assertEquals(List.of(4), List.copyOf(r.disqualified().keySet()));
        }
        assertEquals(Map.of(
                Cheat.BAD_SHARE_BAD_REVEAL, "revealed a share for party 2 that does not match its commitments",
                Cheat.BAD_SHARE_NO_REVEAL, "did not answer the complaint of party 2",
                Cheat.SILENT, "broadcast no commitments").get(cheat), honestResults.get(1).disqualified().get(4));
        assertAgree(honestResults, config);
        assertBlsThresholdSignatureWorks(honestResults, List.of(5, 2, 1));
    }

    @ParameterizedTest
    @EnumSource(value = Cheat.class, names = {"BAD_SHARE_GOOD_REVEAL", "FALSE_COMPLAINT"})
    void complaintAnsweredCorrectly_isDismissed_everyoneQualifies(Cheat cheat) {
        DkgConfig config = new DkgConfig(Group.SECP256K1, 5, 3);
        Outcome out = LocalDkgRunner.of(config, 4).withCheater(4, 2, cheat).run();
        assertEquals(1, out.complaints().size());
        assertEquals(1, out.reveals().size());
        assertTrue(out.failures().isEmpty(), out.failures().toString());
        assertConsistent(out, all(5), config);
        out.results().values().forEach(r -> assertEquals(all(5), r.qualified()));
        List<Share> shares = out.results().values().stream().map(DkgResult::secretShare).toList();
        assertEquals(out.results().get(1).groupPublicKey(), Shamir.reconstruct(shares.subList(1, 4)).publicKey());
    }

    @ParameterizedTest(name = "{0} {2}-of-{1}")
    @MethodSource("setups")
    void sameSeeds_sameKey_otherSeeds_otherKey(Group group, int n, int t) {
        DkgConfig config = new DkgConfig(group, n, t);
        GroupElement a = LocalDkgRunner.of(config, 5).run().results().get(1).groupPublicKey();
        assertEquals(a, LocalDkgRunner.of(config, 5).run().results().get(2).groupPublicKey());
        assertNotEquals(a, LocalDkgRunner.of(config, 6).run().results().get(1).groupPublicKey());
    }

    @org.junit.jupiter.api.Test
    void bls3of5_anyThreePartiesSign_combinedSignatureVerifiesUnderTheGroupKey() {
        DkgConfig config = new DkgConfig(Group.BLS12_381_G1, 5, 3);
        Outcome out = LocalDkgRunner.of(config, 7).run();
        assertBlsThresholdSignatureWorks(out.results(), List.of(1, 3, 5));
        assertBlsThresholdSignatureWorks(out.results(), List.of(4, 2, 3));
    }

    private static void assertBlsThresholdSignatureWorks(Map<Integer, DkgResult> results, List<Integer> signers) {
        byte[] message = "lit_session:dkg".getBytes(StandardCharsets.UTF_8);
        DkgResult any = results.values().iterator().next();
        BlsPublicKey groupKey = BlsPublicKey.of(any.groupPublicKey());
        List<BlsSignatureShare> shares = new ArrayList<>();
        List<BlsPublicKeyShare> publicShares = new ArrayList<>();
        for (int i : signers) {
            BlsSecretKeyShare key = BlsSecretKeyShare.of(results.get(i).secretShare());
            BlsSignatureShare s = key.sign(message);
            BlsPublicKeyShare published = new BlsPublicKeyShare(i, BlsPublicKey.of(any.publicShare(i)));
            assertEquals(key.publicKeyShare(), published);
            assertDoesNotThrow(() -> Bls.verifyShare(published, message, s));
            shares.add(s);
            publicShares.add(published);
        }
        BlsSignature sig = BlsCombiner.combineAndVerify(shares, signers.size(), groupKey, message, publicShares);
        assertDoesNotThrow(() -> Bls.verify(groupKey, message, sig));
        assertEquals(LitErrorCode.InvalidSignature, assertThrows(ThresholdException.class,
                () -> Bls.verify(groupKey, "other".getBytes(StandardCharsets.UTF_8), sig)).code());
    }

    private static void assertConsistent(Outcome out, List<Integer> parties, DkgConfig config) {
        Map<Integer, DkgResult> results = new HashMap<>();
        parties.forEach(i -> results.put(i, out.results().get(i)));
        assertAgree(results, config);
    }

    /** Same public data everywhere; each party's share matches the public verification data. */
    private static void assertAgree(Map<Integer, DkgResult> results, DkgConfig config) {
        DkgResult first = results.values().iterator().next();
        for (DkgResult r : results.values()) {
            assertEquals(first.groupPublicKey(), r.groupPublicKey());
            assertEquals(first.verificationCommitments(), r.verificationCommitments());
            assertEquals(first.qualified(), r.qualified());
            assertEquals(config, r.config());
            assertEquals(r.id(), r.secretShare().index());
            assertDoesNotThrow(() -> first.verificationCommitments().verify(r.secretShare()), "share of party "
                    + r.id());
            assertEquals(r.secretShare().publicValue(), first.publicShare(r.id()));
        }
        List<Share> shares = results.values().stream().map(DkgResult::secretShare).toList();
        assertEquals(first.groupPublicKey(), Shamir.reconstruct(shares.subList(0, config.threshold())).publicKey());
    }

    private static List<Integer> all(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(i);
        }
        return out;
    }
}
