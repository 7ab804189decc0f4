package io.litj.bench;

import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.TripleShare;
import io.litj.threshold.ecdsa.triples.TripleBatchGeneration;
import io.litj.threshold.ecdsa.triples.TripleGeneration;
import io.litj.threshold.testing.LocalProtocolRunner;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Beaver-triple generation (cait-sith's protocol, {@code docs/ecdsa-triples.md}) for three parties with threshold
 * two, all in one thread and in memory: {@code oneTriple} runs {@link TripleGeneration} (base OTs, OT extension,
 * MtAs, proofs, re-sharing), {@code batchOf32} runs {@link TripleBatchGeneration} with 32 triples on one set of
 * OTs. The time is the whole network's work; one party does about a third of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TripleGenerationBenchmark {
    private static final Participants SET = new Participants(List.of(1, 2, 3), 2);

    private SecureRandom random;
    private long run;

    @Setup
    public void setUp() {
        random = new SecureRandom();
    }

    private byte[] sessionId() {
        run++;
        return ("bench-" + run).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Benchmark
    public Map<Integer, TripleShare> oneTriple() {
        byte[] sid = sessionId();
        Map<Integer, TripleGeneration> parties = new TreeMap<>();
        for (int i : SET.indices()) {
            parties.put(i, new TripleGeneration(SET, i, sid, random));
        }
        return LocalProtocolRunner.runOrThrow(parties);
    }

    @Benchmark
    public Map<Integer, List<TripleShare>> batchOf32() {
        byte[] sid = sessionId();
        Map<Integer, TripleBatchGeneration> parties = new TreeMap<>();
        for (int i : SET.indices()) {
            parties.put(i, new TripleBatchGeneration(SET, i, sid, 32, random));
        }
        return LocalProtocolRunner.runOrThrow(parties);
    }
}
