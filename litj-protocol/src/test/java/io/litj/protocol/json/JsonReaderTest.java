package io.litj.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 8259 grammar; the limits (no duplicates, depth 64, one value) are {@link JsonReader}'s documented contract. */
class JsonReaderTest {

    @Test
    void parse_object_keepsMemberOrderOfText() {
        JsonValue.JsonObject o = JsonReader.parseObject("{\"z\":1,\"a\":2,\"m\":3}", LitErrorCode.NodeParserError, "x");
        assertEquals(List.of("z", "a", "m"), List.copyOf(o.members().keySet()));
        assertEquals("{\"z\":1,\"a\":2,\"m\":3}", JsJson.stringify(o));
    }

    @Test
    void parse_allValueKinds_readAsJsonValues() {
        JsonValue v = JsonReader.parse(" [1, -2.5e3, \"s\\u00e9\", true, false, null, {}, []] ",
                LitErrorCode.NodeParserError, "x");
        List<JsonValue> items = assertInstanceOf(JsonValue.JsonArray.class, v).items();
        assertEquals(new JsonValue.JsonNumber(1), items.get(0));
        assertEquals(new JsonValue.JsonNumber(-2500), items.get(1));
        assertEquals(new JsonValue.JsonString("sé"), items.get(2));
        assertEquals(new JsonValue.JsonBoolean(true), items.get(3));
        assertEquals(new JsonValue.JsonBoolean(false), items.get(4));
        assertEquals(JsonValue.JsonNull.INSTANCE, items.get(5));
        assertEquals(JsonValue.JsonObject.empty(), items.get(6));
        assertEquals(new JsonValue.JsonArray(List.of()), items.get(7));
    }

    @Test
    void parse_escapedLoneSurrogate_keptAndWrittenBackEscaped() {
        JsonValue v = JsonReader.parse("\"\\ud800\"", LitErrorCode.NodeParserError, "x");
        assertEquals("\ud800", assertInstanceOf(JsonValue.JsonString.class, v).value());
        assertEquals("\"\\ud800\"", JsJson.stringify(v));
    }

    @Test
    void parse_duplicateTopLevelKey_throwsCallersCode() {
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> JsonReader.parse("{\"a\":1,\"a\":2}", LitErrorCode.NodeAuthSigSignedMessageConversionError,
                        "signedMessage"));
        assertEquals(LitErrorCode.NodeAuthSigSignedMessageConversionError, e.code());
        assertTrue(e.getMessage().startsWith("signedMessage "), e.getMessage());
    }

    @Test
    void parse_duplicateNestedKey_throwsCallersCode() {
        assertEquals(LitErrorCode.NodeSIWECapabilityInvalid, assertThrows(LitProtocolException.class,
                () -> JsonReader.parse("{\"a\":{\"b\":1,\"b\":1}}", LitErrorCode.NodeSIWECapabilityInvalid, "x"))
                .code());
    }

    @Test
    void parse_secondValue_throwsTrailingContent() {
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> JsonReader.parse("{}{}", LitErrorCode.NodeParserError, "payload"));
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertEquals("payload has trailing content after the JSON value", e.getMessage());
    }

    @Test
    void parse_trailingGarbage_throwsCallersCode() {
        assertEquals(LitErrorCode.NodeBadInput, assertThrows(LitProtocolException.class,
                () -> JsonReader.parse("{} x", LitErrorCode.NodeBadInput, "x")).code());
    }

    @Test
    void parse_trailingWhitespace_accepted() {
        assertEquals(JsonValue.JsonObject.empty(), JsonReader.parse("{} \n\t", LitErrorCode.NodeParserError, "x"));
    }

    @Test
    void parse_depth64_accepted() {
        String text = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
        assertInstanceOf(JsonValue.JsonArray.class, JsonReader.parse(text, LitErrorCode.NodeParserError, "x"));
    }

    @Test
    void parse_depth65Arrays_throwsCallersCode() {
        String text = "[".repeat(65) + "]".repeat(65);
        assertEquals(LitErrorCode.NodeBadInput, assertThrows(LitProtocolException.class,
                () -> JsonReader.parse(text, LitErrorCode.NodeBadInput, "x")).code());
    }

    @Test
    void parse_depth65Objects_throwsCallersCode() {
        String text = "{\"a\":".repeat(65) + "1" + "}".repeat(65);
        assertEquals(LitErrorCode.NodeParserError, assertThrows(LitProtocolException.class,
                () -> JsonReader.parse(text, LitErrorCode.NodeParserError, "x")).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'a':1}",          // single quotes
        "{a:1}",            // unquoted name
        "[1,]",             // trailing comma
        "{\"a\":1,}",       // trailing comma in object
        "01",               // leading zero
        "NaN",
        "Infinity",
        "+1",
        ".5",
        "\"a\u0001\"",      // raw control character in string
        "\"\\x41\"",        // bad escape
        "// c\n{}",         // comment
        "[1] /* c */",
        "tru",
        "\"unterminated",
        "{\"a\" 1}",
        "",
        "   ",
    })
    void parse_notJson_throwsCallersCode(String text) {
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> JsonReader.parse(text, LitErrorCode.NodeAuthSigSignedMessageConversionError, "body"));
        assertEquals(LitErrorCode.NodeAuthSigSignedMessageConversionError, e.code());
        assertTrue(e.getMessage().startsWith("body "), e.getMessage());
    }

    @Test
    void parse_numberOutOfDoubleRange_throwsCallersCode() {
        // serde_json (the node's parser) refuses 1e400 as out of range; it must not escape as an unchecked error
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> JsonReader.parse("{\"n\":1e400}", LitErrorCode.NodeParserError, "body"));
        assertEquals(LitErrorCode.NodeParserError, e.code());
        assertEquals("body has a number out of range: 1e400", e.getMessage());
    }

    @Test
    void parse_hugeInteger_throwsCallersCode() {
        String huge = "1" + "0".repeat(400);
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> JsonReader.parse("[" + huge + "]", LitErrorCode.NodeBadInput, "body"));
        assertEquals(LitErrorCode.NodeBadInput, e.code());
    }

    @Test
    void parse_unpairedSurrogateInMemberName_throwsCallersCodeRawAsEscaped() {
        for (String text : List.of("{\"a\uD800\":1}", "{\"a\\uD800\":1}")) {
            LitProtocolException e = assertThrows(LitProtocolException.class,
                    () -> JsonReader.parse(text, LitErrorCode.NodeBadInput, "body"), text);
            assertEquals(LitErrorCode.NodeBadInput, e.code());
        }
        assertEquals(1, JsonReader.parseObject("{\"a\uD83D\uDE00\":1}", LitErrorCode.NodeBadInput, "body")
                .members().size());
    }

    @Test
    void parse_null_throwsMissing() {
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> JsonReader.parse(null, LitErrorCode.NodeParserError, "body"));
        assertEquals("body is missing", e.getMessage());
    }

    @Test
    void parseObject_array_throwsMustBeObject() {
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> JsonReader.parseObject("[]", LitErrorCode.NodeBadInput, "body"));
        assertEquals(LitErrorCode.NodeBadInput, e.code());
        assertEquals("body must be a JSON object", e.getMessage());
    }

    // ---- scanArrays: counting before building ----

    private static final Map<String, Integer> LIMITS = Map.of("caps", 2, "reqs", 3);

    @Test
    void scanArrays_namedArrays_countedAndBuiltUpToTheirLimit() {
        Map<String, JsonReader.ArrayScan> scan = JsonReader.scanArrays(
                "{\"reqs\":[1],\"other\":[1,2,3,4,5],\"caps\":[{\"a\":1},[2],\"3\",4]}", LIMITS).orElseThrow();

        assertEquals(List.of("reqs", "caps"), List.copyOf(scan.keySet()));
        assertEquals(1, scan.get("reqs").size());
        assertEquals(4, scan.get("caps").size());
        assertEquals(List.of(JsonReader.parse("{\"a\":1}", LitErrorCode.NodeParserError, "x"),
                JsonReader.parse("[2]", LitErrorCode.NodeParserError, "x")), scan.get("caps").items());
    }

    @Test
    void scanArrays_hugeArray_countedExactlyButOnlyTheLimitBuilt() {
        String text = "{\"caps\":[" + "{\"sig\":\"x\"},".repeat(19_999) + "{\"sig\":\"x\"}]}";

        JsonReader.ArrayScan caps = JsonReader.scanArrays(text, LIMITS).orElseThrow().get("caps");

        assertEquals(20_000, caps.size());
        assertEquals(2, caps.items().size());
    }

    @Test
    void scanArrays_namedMemberNotAnArray_isLeftOut() {
        assertEquals(Optional.of(Map.of()), JsonReader.scanArrays("{\"caps\":\"many\",\"reqs\":{}}", LIMITS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{\"caps\":[1,2", "{\"caps\":[1],\"caps\":[2]}", "{} {}", "{\"a\":01}",
        "{\"caps\":[1e999]}", "not json"})
    void scanArrays_notExactlyOneWellFormedObject_isEmpty(String text) {
        assertEquals(Optional.empty(), JsonReader.scanArrays(text, LIMITS));
    }

    @Test
    void scanArrays_tooDeepInASkippedMember_isEmptyNotAStackOverflow() {
        String text = "{\"other\":" + "[".repeat(100_000) + "]".repeat(100_000) + ",\"caps\":[]}";
        assertEquals(Optional.empty(), JsonReader.scanArrays(text, LIMITS));
    }
}
