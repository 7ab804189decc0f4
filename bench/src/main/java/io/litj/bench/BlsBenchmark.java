package io.litj.bench;

import io.litj.threshold.bls.Bls;
import io.litj.threshold.bls.BlsCombiner;
import io.litj.threshold.bls.BlsPublicKey;
import io.litj.threshold.bls.BlsSecretKey;
import io.litj.threshold.bls.BlsSecretKeyShare;
import io.litj.threshold.bls.BlsSignature;
import io.litj.threshold.bls.BlsSignatureShare;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.SecretScalar;
import io.litj.threshold.shamir.Shamir;
import io.litj.threshold.shamir.Share;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The BLS work of a session-key round: a node signs its share ({@code shareSign}: hash to G2 + scalar
 * multiplication), the client parses the shares ({@code shareParse}: decompression + subgroup check), combines two
 * of three and verifies the result ({@code combine2of3AndVerify}), and a node verifies a {@code lit.bls} capability
 * ({@code verify}: two pairings, hash included). {@code combine2of3AndVerify − verify} is the Lagrange combination.
 * Reference points on this machine (java-stack.md §3, jblst): sign ~1,800/s, verify ~550/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BlsBenchmark {
    private byte[] message;
    private BlsSecretKeyShare keyShare;
    private BlsPublicKey groupKey;
    private List<BlsSignatureShare> twoShares;
    private String shareWire;
    private BlsSignature combined;

    @Setup
    public void setUp() {
        SecureRandom random = new SecureRandom();
        message = "lit_session:benchmark".getBytes(StandardCharsets.UTF_8);
        SecretScalar secret = SecretScalar.random(Group.BLS12_381_G1, random);
        groupKey = BlsSecretKey.of(secret).publicKey();
        List<BlsSecretKeyShare> keyShares = new ArrayList<>();
        for (Share s : Shamir.split(secret, 2, 3, random)) {
            keyShares.add(BlsSecretKeyShare.of(s));
        }
        keyShare = keyShares.get(0);
        twoShares = List.of(keyShares.get(2).sign(message), keyShares.get(0).sign(message));
        shareWire = twoShares.get(0).toWireJson();
        combined = BlsCombiner.combineAndVerify(twoShares, 2, groupKey, message);
    }

    @Benchmark
    public BlsSignatureShare shareSign() {
        return keyShare.sign(message);
    }

    @Benchmark
    public BlsSignatureShare shareParse() {
        return BlsSignatureShare.parseWire(shareWire);
    }

    @Benchmark
    public BlsSignature combine2of3AndVerify() {
        return BlsCombiner.combineAndVerify(twoShares, 2, groupKey, message);
    }

    @Benchmark
    public void verify() {
        Bls.verify(groupKey, message, combined);
    }
}
