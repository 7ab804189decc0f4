package io.litj.bench;

import io.litj.protocol.crypto.Bytes;
import io.litj.threshold.ecdsa.EcdsaCombiner;
import io.litj.threshold.ecdsa.EcdsaSignature;
import io.litj.threshold.ecdsa.EcdsaSignatureShare;
import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.PresignatureShare;
import io.litj.threshold.ecdsa.Presigning;
import io.litj.threshold.ecdsa.RoundProtocol;
import io.litj.threshold.ecdsa.TripleShare;
import io.litj.threshold.shamir.FeldmanCommitments;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.Polynomial;
import io.litj.threshold.shamir.Share;
import io.litj.threshold.testing.DealtTriples;
import io.litj.threshold.testing.LocalProtocolRunner;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The threshold-ECDSA work of a PKP signature, for a 3-node devnet (t = 2, all three nodes in the set):
 * {@code presign3Parties} runs the whole presigning of all three parties in one thread (each party's share of the
 * work is about a third; triples are dealt outside the measurement), {@code signShare} is one node's signature
 * share, {@code verifyShare} one node checking another's, {@code parseShare} reading a Datil wire share, and
 * {@code combine3} the client's combination with its verification.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EcdsaBenchmark {
    private final SecureRandom random = new SecureRandom();
    private final Participants set = new Participants(List.of(1, 2, 3), 2);
    private List<Share> keyShares;
    private FeldmanCommitments keyCommitments;
    private Bytes publicKey;
    private Map<Integer, RoundProtocol<PresignatureShare>> freshParties;
    private PresignatureShare presignature;
    private List<EcdsaSignatureShare> shares;
    private String shareWire;
    private byte[] digest;

    @Setup
    public void setUp() {
        Polynomial key = Polynomial.random(Group.SECP256K1, 2, random);
        keyShares = key.shares(3);
        keyCommitments = key.commitments();
        publicKey = Bytes.of(CustomNamedCurves.getByName("secp256k1").getCurve()
                .decodePoint(keyCommitments.publicKey().toBytes().toByteArray()).getEncoded(false));
        digest = new byte[32];
        random.nextBytes(digest);
        Map<Integer, PresignatureShare> presig = LocalProtocolRunner.runOrThrow(parties());
        presignature = presig.get(1);
        shares = presig.values().stream().map(p -> p.sign(digest, publicKey)).toList();
        shareWire = shares.get(1).toWireJson();
    }

    @Setup(Level.Invocation)
    public void dealTriples() {
        freshParties = parties();
    }

    private Map<Integer, RoundProtocol<PresignatureShare>> parties() {
        Map<Integer, TripleShare> first = DealtTriples.deal(set, random);
        Map<Integer, TripleShare> second = DealtTriples.deal(set, random);
        Map<Integer, RoundProtocol<PresignatureShare>> out = new TreeMap<>();
        for (int i : set.indices()) {
            out.put(i, Presigning.create(set, i, keyShares.get(i - 1), keyCommitments, first.get(i), second.get(i)));
        }
        return out;
    }

    @Benchmark
    public Map<Integer, PresignatureShare> presign3Parties() {
        return LocalProtocolRunner.runOrThrow(freshParties);
    }

    @Benchmark
    public EcdsaSignatureShare signShare() {
        return presignature.sign(digest, publicKey);
    }

    @Benchmark
    public boolean verifyShare() {
        return presignature.verifiesShare(shares.get(2), digest);
    }

    @Benchmark
    public EcdsaSignatureShare parseShare() {
        return EcdsaSignatureShare.parseWire(shareWire);
    }

    @Benchmark
    public EcdsaSignature combine3() {
        return EcdsaCombiner.combine(shares, publicKey, digest);
    }
}
