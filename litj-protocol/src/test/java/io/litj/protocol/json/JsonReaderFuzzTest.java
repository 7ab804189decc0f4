package io.litj.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.testing.Fuzz;
import io.litj.protocol.testing.TestCapabilities;
import io.litj.protocol.testing.TestSessions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Fuzz of {@link JsonReader} (issue 8): random and mutated JSON — cut, flipped, deeply nested, with huge numbers
 * and lone surrogates — is read or refused with the caller's code, never anything else (no stack overflow). What
 * is read is written back by {@link JsJson} to text that reads the same, and {@link JsonReader#scanArrays} never
 * throws and counts what a full parse builds.
 */
class JsonReaderFuzzTest {
    private static final long SEED = 8259_2017_08L;
    private static final LitErrorCode CODE = LitErrorCode.NodeParserError;
    private static final Map<String, Integer> LIMITS = Map.of("capabilities", 8, "resourceAbilityRequests", 16);
    private static final List<String> SEEDS = List.of(
            TestSessions.payload(List.of(TestSessions.walletGrant(),
                    TestCapabilities.network(TestCapabilities.popJson(1)))).toJsonString(),
            TestSessions.walletGrant().toJsonString(),
            "{\"att\":{\"lit-litaction://*\":{\"Threshold/Execution\":[{}]}},\"prf\":[\"bafy\"]}",
            "{\"a\":[1,2.5e3,-0,1E-7,true,false,null,\"\\u00e9\\uD83D\\uDE00\\n\\\"\"],\"b\":{\"c\":{}},\"d\":[[]]}",
            "[]", "\"x\"", "0");

    private static Optional<JsonValue> parse(String input) {
        return Fuzz.parseOrRefuse(input, CODE, t -> JsonReader.parse(t, CODE, "fuzz input"));
    }

    @Test
    void parse_anyInput_readOrRefusedWithTheCallersCode_andWritesBackToTheSameValue() {
        System.out.println("JsonReaderFuzzTest seed " + SEED + ", " + Fuzz.EXAMPLES + " examples");
        qt().withFixedSeed(SEED).withExamples(Fuzz.EXAMPLES).forAll(Fuzz.inputs(SEEDS)).checkAssert(in ->
                parse(in.text()).ifPresent(value -> {
                    String written = JsJson.stringify(value);
                    JsonValue reread = parse(written).orElseThrow(() -> new AssertionError(
                            "written form does not read back: " + Fuzz.show(written)));
                    assertEquals(written, JsJson.stringify(reread), in::toString);
                }));
    }

    @Test
    void scanArrays_anyInput_neverThrowsAndCountsWhatParseBuilds() {
        System.out.println("JsonReaderFuzzTest seed " + (SEED + 1) + ", " + Fuzz.EXAMPLES + " examples");
        qt().withFixedSeed(SEED + 1).withExamples(Fuzz.EXAMPLES).forAll(Fuzz.inputs(SEEDS)).checkAssert(in -> {
            String input = in.text();
            Optional<Map<String, JsonReader.ArrayScan>> scan = Fuzz.parseOrRefuse(input, CODE,
                    t -> JsonReader.scanArrays(t, LIMITS)).orElseThrow();
            if (parse(input).orElse(null) instanceof JsonValue.JsonObject o) {
                assertTrue(scan.isPresent(), () -> "parses but scan saw no object: " + Fuzz.show(input));
                LIMITS.forEach((name, limit) -> {
                    if (o.get(name).orElse(null) instanceof JsonValue.JsonArray a) {
                        JsonReader.ArrayScan s = scan.get().get(name);
                        assertEquals(a.items().size(), s.size(), () -> Fuzz.show(input));
                        assertEquals(a.items().subList(0, Math.min(limit, a.items().size())), s.items(),
                                () -> Fuzz.show(input));
                    } else {
                        assertTrue(!scan.get().containsKey(name), () -> Fuzz.show(input));
                    }
                });
            }
        });
    }
}
