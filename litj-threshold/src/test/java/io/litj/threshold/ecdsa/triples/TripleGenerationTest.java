package io.litj.threshold.ecdsa.triples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.threshold.ecdsa.Participants;
import io.litj.threshold.ecdsa.TripleShare;
import io.litj.threshold.shamir.Group;
import io.litj.threshold.shamir.SecretScalar;
import io.litj.threshold.shamir.Shamir;
import io.litj.threshold.shamir.Share;
import io.litj.threshold.testing.LocalProtocolRunner;
import io.litj.threshold.testing.SeededRandom;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Triples made by honest parties: {@code c = a·b}, and every party holds the same commitments. */
class TripleGenerationTest {
    static final byte[] SID = "triples-test".getBytes(StandardCharsets.UTF_8);

    static Map<Integer, TripleGeneration> parties(Participants p, long seed) {
        Map<Integer, TripleGeneration> out = new TreeMap<>();
        for (int i : p.indices()) {
            out.put(i, new TripleGeneration(p, i, SID, new SeededRandom(seed * 1000 + i)));
        }
        return out;
    }

    static BigInteger value(SecretScalar s) {
        return new BigInteger(1, s.exportSecret());
    }

    /** Checks {@code c = a·b} from the first {@code t} shares, and that everyone holds the same commitments. */
    static void assertValidTriple(Participants p, List<TripleShare> shares) {
        TripleShare first = shares.get(0);
        for (TripleShare s : shares) {
            assertEquals(first.bigA(), s.bigA());
            assertEquals(first.bigB(), s.bigB());
            assertEquals(first.bigC(), s.bigC());
        }
        List<Share> a = new ArrayList<>();
        List<Share> b = new ArrayList<>();
        List<Share> c = new ArrayList<>();
        for (TripleShare s : shares.subList(shares.size() - p.threshold(), shares.size())) {
            a.add(s.a());
            b.add(s.b());
            c.add(s.c());
        }
        BigInteger n = Group.SECP256K1.order();
        SecretScalar sa = Shamir.reconstruct(a);
        SecretScalar sb = Shamir.reconstruct(b);
        SecretScalar sc = Shamir.reconstruct(c);
        assertEquals(value(sa).multiply(value(sb)).mod(n), value(sc), "c = a·b");
        assertEquals(first.bigA().publicKey(), sa.publicKey());
        assertEquals(first.bigB().publicKey(), sb.publicKey());
        assertEquals(first.bigC().publicKey(), sc.publicKey());
    }

    @ParameterizedTest(name = "{1} of {0}")
    @CsvSource({"2, 2", "2, 1", "3, 2", "3, 3", "5, 3"})
    void run_honestParties_makeATripleWithCEqualsAB(int n, int t) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            indices.add(i);
        }
        Participants p = new Participants(indices, t);
        Map<Integer, TripleShare> out = LocalProtocolRunner.runOrThrow(parties(p, n * 10 + t));
        assertEquals(p.indices(), List.copyOf(out.keySet()));
        out.forEach((i, s) -> assertEquals(i, s.self()));
        assertValidTriple(p, List.copyOf(out.values()));
    }

    @Test
    void run_sparseIndices_makeATriple() {
        Participants p = new Participants(List.of(2, 5, 9), 2);
        Map<Integer, TripleShare> out = LocalProtocolRunner.runOrThrow(parties(p, 7));
        assertValidTriple(p, List.copyOf(out.values()));
    }

    @Test
    void run_sameSeeds_sameTriple() {
        Participants p = new Participants(List.of(1, 2, 3), 2);
        Map<Integer, TripleShare> one = LocalProtocolRunner.runOrThrow(parties(p, 3));
        Map<Integer, TripleShare> two = LocalProtocolRunner.runOrThrow(parties(p, 3));
        Map<Integer, TripleShare> other = LocalProtocolRunner.runOrThrow(parties(p, 4));
        for (int i : p.indices()) {
            assertEquals(one.get(i).bigC(), two.get(i).bigC());
            assertTrue(one.get(i).c().sameSecretAs(two.get(i).c()));
            assertTrue(one.get(i).a().sameSecretAs(two.get(i).a()));
        }
        assertTrue(!one.get(1).bigC().equals(other.get(1).bigC()), "another seed, another triple");
    }
}
