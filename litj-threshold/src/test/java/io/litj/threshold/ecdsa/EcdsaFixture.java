package io.litj.threshold.ecdsa;

import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.dkg.DkgConfig;
import io.litj.threshold.dkg.DkgResult;
import io.litj.threshold.shamir.FeldmanCommitments;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.Share;
import io.litj.threshold.testing.DealtTriples;
import io.litj.threshold.testing.LocalDkgRunner;
import io.litj.threshold.testing.LocalProtocolRunner;
import io.litj.threshold.testing.SeededRandom;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/**
 * A PKP key from a real DKG among {@code n} nodes (threshold {@code t}) and presigning runs over any signing set,
 * with dealt triples; the ECDSA tests' common set-up.
 */
final class EcdsaFixture {
    private static final X9ECParameters K1 = CustomNamedCurves.getByName("secp256k1");

    final int n;
    final int t;
    final Map<Integer, Share> keyShares = new TreeMap<>();
    final FeldmanCommitments keyCommitments;
    final Bytes publicKey;
    private final SecureRandom random;

    EcdsaFixture(int n, int t, long seed) {
        this.n = n;
        this.t = t;
        this.random = new SeededRandom(seed);
        Map<Integer, DkgResult> results = LocalDkgRunner.of(new DkgConfig(Group.SECP256K1, n, t), seed).run()
                .results();
        results.forEach((i, r) -> keyShares.put(i, r.secretShare()));
        keyCommitments = results.get(1).verificationCommitments();
        publicKey = uncompressed(keyCommitments.publicKey().toBytes());
    }

    static Bytes uncompressed(Bytes compressed) {
        return Bytes.of(K1.getCurve().decodePoint(compressed.toByteArray()).getEncoded(false));
    }

    /** One party per member of {@code set}, each with fresh dealt triples. */
    Map<Integer, RoundProtocol<PresignatureShare>> parties(Participants set) {
        Map<Integer, TripleShare> first = DealtTriples.deal(set, random);
        Map<Integer, TripleShare> second = DealtTriples.deal(set, random);
        Map<Integer, RoundProtocol<PresignatureShare>> parties = new TreeMap<>();
        for (int i : set.indices()) {
            parties.put(i, Presigning.create(set, i, keyShares.get(i), keyCommitments, first.get(i), second.get(i)));
        }
        return parties;
    }

    Map<Integer, PresignatureShare> presign(Participants set) {
        return LocalProtocolRunner.runOrThrow(parties(set));
    }

    LocalProtocolRunner.Outcome<PresignatureShare> presign(Participants set, UnaryOperator<ProtocolMessage> tamper) {
        return LocalProtocolRunner.run(parties(set), tamper);
    }

    Participants set(Integer... indices) {
        return new Participants(List.of(indices), t);
    }

    /** Every party's share of {@code digest}, in index order. */
    List<EcdsaSignatureShare> sign(Map<Integer, PresignatureShare> presignature, byte[] digest) {
        return presignature.values().stream().map(p -> p.sign(digest, publicKey)).toList();
    }
}
