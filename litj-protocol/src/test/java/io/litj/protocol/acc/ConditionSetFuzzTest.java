package io.litj.protocol.acc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Hashes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.testing.Fuzz;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Fuzz of {@link ConditionSet#parse} (issue 10): random text and mutations of the 38 interop condition sets (raw
 * and canonical) are parsed as each of the four kinds; every refusal is a {@code LitProtocolException} with one of
 * the three declared codes and a bounded message, never anything else. A set that parses hashes its canonical JSON,
 * and a basic or EVM-contract set re-parses from its canonical JSON to the same canonical JSON.
 */
class ConditionSetFuzzTest {
    private static final long SEED = 10_2024_0740L;
    private static final Set<LitErrorCode> DECLARED = Set.of(LitErrorCode.NodeParserError,
            LitErrorCode.NodeTooManyConditions, LitErrorCode.NodeMissingAccessControlConditions);

    private static List<String> seeds() {
        List<String> seeds = new ArrayList<>();
        for (AccCases.Case c : AccCases.all()) {
            seeds.add(JsJson.stringify(c.conditions()));
            seeds.add(ConditionSet.fromJson(c.kind(), c.conditions()).canonicalJson());
        }
        return seeds;
    }

    @Test
    void parse_anyInputAsAnyKind_setOrDeclaredRefusal_andParsedSetsHashTheirCanonicalJson() {
        System.out.println("ConditionSetFuzzTest seed " + SEED + ", " + Fuzz.EXAMPLES + " examples");
        AtomicInteger parsed = new AtomicInteger();
        qt().withFixedSeed(SEED).withExamples(Fuzz.EXAMPLES).forAll(Fuzz.inputs(seeds())).checkAssert(in -> {
            for (ConditionKind kind : ConditionKind.values()) {
                Fuzz.parseOrRefuse(in.text(), DECLARED, t -> ConditionSet.parse(kind, t)).ifPresent(set -> {
                    parsed.incrementAndGet();
                    String canonical = set.canonicalJson();
                    assertEquals(Hex.encode(Hashes.sha256(canonical)), set.hashHex(), in::toString);
                    if (kind == ConditionKind.BASIC || kind == ConditionKind.EVM_CONTRACT) {
                        assertEquals(canonical, ConditionSet.parse(kind, canonical).canonicalJson(), in::toString);
                    }
                });
            }
        });
        System.out.println("ConditionSetFuzzTest: " + parsed.get() + " parses succeeded");
        assertTrue(parsed.get() >= Fuzz.EXAMPLES / 100, "the property hardly ever reached a parsed set: "
                + parsed.get());
    }
}
