package io.litj.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every expected string was produced once with node v20 {@code JSON.stringify} (numbers: {@code JSON.stringify(n)};
 * canonical form: npm {@code canonicalize}) and is recorded here as a literal.
 */
class JsJsonTest {

    @Test
    void quote_doubleQuoteAndBackslash_backslashEscaped() {
        assertEquals("\"a\\\"b\"", JsJson.quote("a\"b"));
        assertEquals("\"a\\\\b\"", JsJson.quote("a\\b"));
    }

    @Test
    void quote_namedControlCharacters_useShortEscapes() {
        assertEquals("\"\\n\"", JsJson.quote("\n"));
        assertEquals("\"\\r\"", JsJson.quote("\r"));
        assertEquals("\"\\t\"", JsJson.quote("\t"));
        assertEquals("\"\\b\"", JsJson.quote("\b"));
        assertEquals("\"\\f\"", JsJson.quote("\f"));
    }

    @Test
    void quote_otherControlCharacters_lowercaseUnicodeEscapesButDelRaw() {
        // node: JSON.stringify("\u0000\u0001\u001f\u007f") === "\"\\u0000\\u0001\\u001f\u007f\""
        assertEquals("\"\\u0000\\u0001\\u001f\u007f\"", JsJson.quote("\u0000\u0001\u001f\u007f"));
        assertEquals("\"\\u000b\\u001b\"", JsJson.quote("\u000b\u001b"));
    }

    @Test
    void quote_slashAndNonAscii_writtenRaw() {
        assertEquals("\"a/b</script>\"", JsJson.quote("a/b</script>"));
        assertEquals("\"é€😀\"", JsJson.quote("é€😀"));
        assertEquals("\"\u2028\u2029\"", JsJson.quote("\u2028\u2029"));
    }

    @Test
    void quote_loneSurrogates_escapedLowercase() {
        assertEquals("\"x\\ud800y\"", JsJson.quote("x\ud800y"));
        assertEquals("\"\\udc00\"", JsJson.quote("\udc00"));
        assertEquals("\"a\\ud83d\"", JsJson.quote("a\ud83d"));
        // reversed pair: both halves lone
        assertEquals("\"\\ude00\\ud83d\"", JsJson.quote("\ude00\ud83d"));
    }

    @Test
    void quote_validSurrogatePair_writtenRaw() {
        assertEquals("\"\ud83d\ude00\"", JsJson.quote("\ud83d\ude00"));
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "-0.0, 0",
        "1, 1",
        "1.5, 1.5",
        "-1.5, -1.5",
        "1e21, 1e+21",
        "1e20, 100000000000000000000",
        "1e-7, 1e-7",
        "-1e-7, -1e-7",
        "0.000001, 0.000001",
        "0.0000012, 0.0000012",
        "123456789012345680000, 123456789012345680000",
        "999999999999999900000, 999999999999999900000",
        "0.30000000000000004, 0.30000000000000004",
        "5e-324, 5e-324",
        "8e-323, 8e-323",
        "1e-322, 1e-322",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "1e300, 1e+300",
        "9007199254740992, 9007199254740992",
        "123.456, 123.456",
        "100, 100",
        "0.1, 0.1",
    })
    void stringify_number_matchesJsNumberToString(double value, String js) {
        assertEquals(js, JsJson.stringify(new JsonValue.JsonNumber(value)));
    }

    @Test
    void stringify_sumPointOnePlusPointTwo_matchesJs() {
        assertEquals("0.30000000000000004", JsJson.formatNumber(0.1 + 0.2));
        assertEquals("0.3333333333333333", JsJson.formatNumber(1.0 / 3));
    }

    @Test
    void stringify_nestedValue_insertionOrderNoWhitespace() {
        // node: JSON.stringify({b:1,a:[1,"x",null,true,false,{z:{}}],"é":"/"})
        JsonValue value = JsonValue.object()
                .put("b", new JsonValue.JsonNumber(1))
                .put("a", new JsonValue.JsonArray(List.of(new JsonValue.JsonNumber(1), new JsonValue.JsonString("x"),
                        JsonValue.JsonNull.INSTANCE, new JsonValue.JsonBoolean(true), new JsonValue.JsonBoolean(false),
                        JsonValue.object().put("z", JsonValue.JsonObject.empty()).build())))
                .put("é", "/")
                .build();
        assertEquals("{\"b\":1,\"a\":[1,\"x\",null,true,false,{\"z\":{}}],\"é\":\"/\"}", JsJson.stringify(value));
    }

    @Test
    void canonicalize_nestedObject_sortsKeysByUtf16CodeUnitsAtEveryLevel() {
        // npm canonicalize({"\uff01":1,"\ud83d\ude00":2,"b":{"z":[{"y":1,"x":2}],"a":null},"B":true,"a":"x"})
        // U+1F600 (high surrogate D83D) sorts before U+FF01 in UTF-16 order, after it in code-point order.
        Map<String, JsonValue> inner = new LinkedHashMap<>();
        inner.put("z", new JsonValue.JsonArray(List.of(JsonValue.object().put("y", new JsonValue.JsonNumber(1))
                .put("x", new JsonValue.JsonNumber(2)).build())));
        inner.put("a", JsonValue.JsonNull.INSTANCE);
        JsonValue value = JsonValue.object()
                .put("\uff01", new JsonValue.JsonNumber(1))
                .put("\ud83d\ude00", new JsonValue.JsonNumber(2))
                .put("b", new JsonValue.JsonObject(inner))
                .put("B", new JsonValue.JsonBoolean(true))
                .put("a", "x")
                .build();
        assertEquals("{\"B\":true,\"a\":\"x\",\"b\":{\"a\":null,\"z\":[{\"x\":2,\"y\":1}]},\"😀\":2,\"！\":1}",
                JsJson.canonicalize(value));
    }

    @Test
    void canonicalize_arrayOrder_kept() {
        JsonValue value = new JsonValue.JsonArray(List.of(new JsonValue.JsonString("b"), new JsonValue.JsonString("a")));
        assertEquals("[\"b\",\"a\"]", JsJson.canonicalize(value));
    }

    @Test
    void stringify_objectWithEscapedKey_escapesKeyLikeValue() {
        JsonValue value = JsonValue.object().put("a\"\n", "v").build();
        assertEquals("{\"a\\\"\\n\":\"v\"}", JsJson.stringify(value));
    }

    @Test
    void stringify_arrayIndexKeys_comeFirstAscendingLikeJavaScript() {
        JsonValue.JsonObject o = JsonValue.object().put("b", "1").put("2", "2").put("1", "3").put("01", "4")
                .put("4294967295", "5").put("4294967294", "6").build();
        // node 20: JSON.stringify({b:1,"2":2,"1":3,"01":4,"4294967295":5,"4294967294":6}) with string values
        assertEquals("{\"1\":\"3\",\"2\":\"2\",\"4294967294\":\"6\",\"b\":\"1\",\"01\":\"4\",\"4294967295\":\"5\"}",
                JsJson.stringify(o));
    }
}
