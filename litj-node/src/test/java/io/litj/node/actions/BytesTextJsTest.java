package io.litj.node.actions;

import static io.litj.protocol.testing.JsonAccess.object;
import static io.litj.protocol.testing.JsonAccess.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.NodeJs;
import io.litj.protocol.testing.RunOnce;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code Lit.Actions.uint8arrayToString} / {@code uint8arrayFromString} against the package Datil re-exports: the
 * same cases run through the real {@code uint8arrays} 3.1.1 ({@code interop/uint8arrays.mjs}, no network) and
 * through one action on litj's runtime; every result and every error (name and message) must be the same. Every
 * encoding litj offers is covered, each with texts that are valid and invalid in it. Skipped without Node.js
 * unless {@code CI} is set (see {@link NodeJs}).
 */
class BytesTextJsTest {
    static final List<String> ENCODINGS = List.of("utf8", "utf-8", "identity", "ascii", "latin1", "binary", "hex",
            "base2", "base8", "base16", "base16upper", "base32", "base32upper", "base32pad", "base32padupper",
            "base32hex", "base32hexupper", "base32hexpad", "base32hexpadupper", "base32z", "base64", "base64pad",
            "base64url", "base64urlpad", "base10", "base36", "base36upper", "base58btc", "base58flickr",
            "no-such-encoding");
    private static final List<String> TEXTS = List.of("", "hello", "Zm9vYmFy", "Zm9vYg==", "Zm9vYg", "666f6f",
            "666F6F", "GEZDGNBV", "gezdgnbv", "MZXW6===", "zz!", "11", "1", "0", "01100001", "141", "3mJr7AoUXx2Wqd",
            "Qm", "a-b_c", "a+b/c", "=", "ünïcode ✓ 😀", "\u0000\u00ff", "9999", "ybndrf");
    private static final RunOnce<Results> RESULTS = new RunOnce<>(BytesTextJsTest::runBoth);

    private record Results(JsonValue.JsonObject sdk, JsonValue.JsonObject litj) {
    }

    private static List<JsonValue> byteInputs() {
        Random random = new Random(13);
        byte[] noise = new byte[37];
        random.nextBytes(noise);
        List<byte[]> inputs = List.of(new byte[0], new byte[] {0}, new byte[] {0, 0, 1}, new byte[] {(byte) 255},
                "hello".getBytes(StandardCharsets.UTF_8), "ünïcode ✓ 😀".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xff, (byte) 0xc3, 0x28}, noise);
        List<JsonValue> out = new ArrayList<>();
        for (byte[] bytes : inputs) {
            List<JsonValue> numbers = new ArrayList<>();
            for (byte b : bytes) {
                numbers.add(new JsonValue.JsonNumber(b & 0xff));
            }
            out.add(new JsonValue.JsonArray(numbers));
        }
        out.add(JsonValue.JsonNull.INSTANCE); // a plain array, not a Uint8Array
        return out;
    }

    private static JsonValue.JsonObject input() {
        List<JsonValue> toString = new ArrayList<>();
        List<JsonValue> fromString = new ArrayList<>();
        List<String> encodings = new ArrayList<>(ENCODINGS);
        encodings.add(null); // the default
        for (String encoding : encodings) {
            for (JsonValue bytes : byteInputs()) {
                boolean plainArrayAsText = bytes instanceof JsonValue.JsonNull && (encoding == null
                        || encoding.startsWith("utf") || encoding.equals("identity"));
                if (!plainArrayAsText) { // TextDecoder's refusal of a plain array is worded by each engine
                    toString.add(caseOf("bytes", bytes, encoding));
                }
            }
            for (String text : TEXTS) {
                fromString.add(caseOf("text", new JsonValue.JsonString(text), encoding));
            }
        }
        return JsonValue.object().put("toString", new JsonValue.JsonArray(toString))
                .put("fromString", new JsonValue.JsonArray(fromString)).build();
    }

    private static JsonValue caseOf(String key, JsonValue value, String encoding) {
        JsonValue.ObjectBuilder b = JsonValue.object().put(key, value);
        return (encoding == null ? b : b.put("encoding", encoding)).build();
    }

    private static Results runBoth() {
        JsonValue.JsonObject in = input();
        JsonValue.JsonObject sdk = JsonReader.parseObject(NodeJs.runScriptWithStdin("uint8arrays.mjs",
                NodeJs.asciiJson(in)), LitErrorCode.NodeParserError, "uint8arrays.mjs output");
        String response = SharedRuntime.get().run(ActionRequest.of("""
                const attempt = (fn) => {
                  try { return { result: fn() }; }
                  catch (e) { return { error: { name: e.name, message: e.message } }; }
                };
                const toStringOut = cases.toString.map((c) => attempt(() => {
                  const value = c.bytes === null ? [1, 2, 3] : Uint8Array.from(c.bytes);
                  return c.encoding === undefined ? Lit.Actions.uint8arrayToString(value)
                      : Lit.Actions.uint8arrayToString(value, c.encoding);
                }));
                const fromStringOut = cases.fromString.map((c) => {
                  const out = attempt(() => (c.encoding === undefined ? Lit.Actions.uint8arrayFromString(c.text)
                      : Lit.Actions.uint8arrayFromString(c.text, c.encoding)));
                  if (out.result !== undefined) {
                    if (!(out.result instanceof Uint8Array)) throw new Error('not a Uint8Array');
                    out.result = Array.from(out.result);
                  }
                  return out;
                });
                Lit.Actions.setResponse({ response: JSON.stringify({ toString: toStringOut,
                    fromString: fromStringOut }) });
                """, JsonValue.object().put("cases", in).build())).response();
        return new Results(sdk, JsonReader.parseObject(response, LitErrorCode.NodeParserError, "action response"));
    }

    @Test
    void theScriptUsedTheUint8arraysVersionDatilBundles() {
        assertEquals("3.1.1", string(object(RESULTS.get().sdk(), "versions"), "uint8arrays"));
    }

    @Test
    void toString_everyEncodingAndInput_sameResultOrErrorAsThePackage() {
        assertSame("toString");
    }

    @Test
    void fromString_everyEncodingAndText_sameBytesOrErrorAsThePackage() {
        assertSame("fromString");
    }

    private static void assertSame(String kind) {
        List<JsonValue> sdk = ((JsonValue.JsonArray) RESULTS.get().sdk().get(kind).orElseThrow()).items();
        List<JsonValue> litj = ((JsonValue.JsonArray) RESULTS.get().litj().get(kind).orElseThrow()).items();
        List<JsonValue> cases = ((JsonValue.JsonArray) input().get(kind).orElseThrow()).items();
        assertEquals(cases.size(), sdk.size());
        assertEquals(cases.size(), litj.size());
        List<String> failures = new ArrayList<>();
        int errors = 0;
        for (int i = 0; i < cases.size(); i++) {
            if (!sdk.get(i).equals(litj.get(i))) {
                failures.add(JsJson.stringify(cases.get(i)) + "\n    package " + JsJson.stringify(sdk.get(i))
                        + "\n    litj    " + JsJson.stringify(litj.get(i)));
            }
            errors += ((JsonValue.JsonObject) sdk.get(i)).get("error").isPresent() ? 1 : 0;
        }
        assertTrue(errors > 10 && errors < cases.size() - 10, kind + ": the cases must hold errors and results, "
                + errors + " errors of " + cases.size());
        assertTrue(failures.isEmpty(), failures.size() + " differences:\n" + String.join("\n", failures));
    }
}
