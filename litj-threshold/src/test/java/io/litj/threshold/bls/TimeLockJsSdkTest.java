package io.litj.threshold.bls;

import static io.litj.protocol.testing.JsonAccess.member;
import static io.litj.protocol.testing.JsonAccess.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.NodeJs;
import io.litj.protocol.testing.RunOnce;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.testing.DealtBlsNetwork;
import io.litj.threshold.testing.ScriptCases;
import io.litj.threshold.testing.SeededRandom;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Time-lock ciphertexts between litj and the real JS SDK 7.4.0 ({@code interop/timelock.mjs}), under a 2-of-3
 * network key dealt here, with node signature shares made here: the SDK's {@code encrypt} opens in litj; litj's
 * ciphertexts open in the SDK's decrypt path (combine, verify over the identity, decrypt); a ciphertext with a
 * flipped byte in {@code U}, {@code V}, {@code W}, the length of {@code W} or the scheme byte, and a key for another
 * identity, are refused by both; what the SDK ignores (padding, a scheme byte above 2, trailing bytes) litj
 * refuses. One script run per class, no network. Skipped without Node.js unless {@code CI}
 * is set (see {@link NodeJs}).
 */
class TimeLockJsSdkTest {
    private static final String SCRIPT = "timelock.mjs";
    private static final DealtBlsNetwork NETWORK = DealtBlsNetwork.deal(2, 3, 47);
    private static final byte[] IDENTITY = utf8("lit-accesscontrolcondition://" + "5a".repeat(32) + "/"
            + "e3".repeat(32));
    private static final byte[] OTHER_IDENTITY = utf8("lit-accesscontrolcondition://" + "5a".repeat(32) + "/"
            + "e4".repeat(32));
    private static final int[] SIZES = {0, 1, 31, 32, 33, 127, 128, 1000, 4096};
    private static final int[][] SIGNERS = {{1, 2}, {2, 3}, {3, 1}, {1, 2, 3}};
    private static final List<String> SCRIPT_ERRORS = List.of("ReferenceError", "SyntaxError", "TypeError",
            "RangeError");

    /** Plaintexts by case id: "sdk-encrypt-<size>" and "sdk-decrypt-<size>". */
    private static final Map<String, byte[]> PLAINTEXTS = new LinkedHashMap<>();
    /** Ciphertexts litj made for the SDK to decrypt, including altered ones, by case id. */
    private static final Map<String, String> SENT = new LinkedHashMap<>();
    private static final List<JsonValue> CASES = cases();
    private static final RunOnce<JsonValue.JsonObject> DOCUMENT = new RunOnce<>(() -> JsonReader.parseObject(
            NodeJs.runScript(SCRIPT, NodeJs.asciiJson(JsonValue.object().put("cases", new JsonValue.JsonArray(CASES))
                    .build())), LitErrorCode.NodeParserError, SCRIPT + " output"));

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] plaintext(int size, long seed) {
        byte[] out = new byte[size];
        new SeededRandom(seed).nextBytes(out);
        return out;
    }

    /** The node responses the SDK's decrypt receives: share JSON and zero-based share index. */
    private static JsonValue responses(byte[] identity, int... signers) {
        List<JsonValue> out = new ArrayList<>();
        for (BlsSignatureShare s : NETWORK.signatureShares(identity, signers)) {
            out.add(JsonValue.object().put("signatureShare", JsonReader.parse(s.toWireJson(),
                    LitErrorCode.NodeParserError, "share")).put("shareIndex", new JsonValue.JsonNumber(
                    s.identifier() - 1)).build());
        }
        return new JsonValue.JsonArray(out);
    }

    private static JsonValue decryptCase(String id, String ciphertext, byte[] identity, JsonValue responses) {
        SENT.put(id, ciphertext);
        return JsonValue.object().put("id", id).put("op", "decrypt").put("publicKey", NETWORK.publicKey().toHex())
                .put("identity", Hex.encode(identity)).put("ciphertext", ciphertext).put("responses", responses)
                .build();
    }

    private static String altered(TimeLockCiphertext c, int index, int mask) {
        byte[] raw = c.toBytes().toByteArray();
        raw[index] ^= (byte) mask;
        return Base64.getEncoder().encodeToString(raw);
    }

    /** The alterations that both refuse: name → {byte position, XOR mask}. */
    private static Map<String, int[]> alterations(TimeLockCiphertext c) {
        Map<String, int[]> out = new LinkedHashMap<>();
        out.put("U", new int[] {20, 0x01});
        out.put("V", new int[] {48 + 5, 0x01});
        out.put("len(W)", new int[] {80, 0x01});
        out.put("W", new int[] {81 + 3, 0x01});
        out.put("scheme", new int[] {81 + c.w().size(), 0x02});
        return out;
    }

    /** Alterations the SDK accepts and litj refuses (stricter), by case id. */
    private static void lenientCases(List<JsonValue> out) {
        byte[] shortText = plaintext(5, 4000);
        PLAINTEXTS.put("sdk-lenient-padding", shortText);
        TimeLockCiphertext c = TimeLock.encrypt(NETWORK.publicKey(), IDENTITY, shortText, new SeededRandom(4000));
        JsonValue shares = responses(IDENTITY, 1, 3);
        out.add(decryptCase("sdk-lenient-padding", altered(c, 81 + 31, 0x40), IDENTITY, shares));
        out.add(decryptCase("sdk-lenient-scheme-3", altered(c, 81 + 32, 0x01), IDENTITY, shares));
        byte[] longer = Arrays.copyOf(c.toBytes().toByteArray(), c.toBytes().size() + 1);
        out.add(decryptCase("sdk-lenient-trailing-byte", Base64.getEncoder().encodeToString(longer), IDENTITY,
                shares));
    }

    private static List<JsonValue> cases() {
        List<JsonValue> out = new ArrayList<>();
        for (int size : SIZES) {
            byte[] p = plaintext(size, 1000 + size);
            PLAINTEXTS.put("sdk-encrypt-" + size, p);
            out.add(JsonValue.object().put("id", "sdk-encrypt-" + size).put("op", "encrypt")
                    .put("publicKey", NETWORK.publicKey().toHex()).put("identity", Hex.encode(IDENTITY))
                    .put("plaintext", Hex.encode(p)).build());
        }
        for (int i = 0; i < SIZES.length; i++) {
            byte[] p = plaintext(SIZES[i], 2000 + SIZES[i]);
            String id = "sdk-decrypt-" + SIZES[i];
            PLAINTEXTS.put(id, p);
            TimeLockCiphertext c = TimeLock.encrypt(NETWORK.publicKey(), IDENTITY, p, new SeededRandom(i));
            out.add(decryptCase(id, c.toBase64(), IDENTITY, responses(IDENTITY, SIGNERS[i % SIGNERS.length])));
        }
        TimeLockCiphertext c = TimeLock.encrypt(NETWORK.publicKey(), IDENTITY, plaintext(40, 3000),
                new SeededRandom(3000));
        for (Map.Entry<String, int[]> a : alterations(c).entrySet()) {
            out.add(decryptCase("altered-" + a.getKey(), altered(c, a.getValue()[0], a.getValue()[1]), IDENTITY,
                    responses(IDENTITY, 1, 2)));
        }
        lenientCases(out);
        out.add(decryptCase("other-identity-shares", c.toBase64(), OTHER_IDENTITY, responses(OTHER_IDENTITY, 1, 2)));
        out.add(decryptCase("shares-not-over-identity", c.toBase64(), IDENTITY, responses(OTHER_IDENTITY, 1, 2)));
        out.add(decryptCase("control-unaltered", c.toBase64(), IDENTITY, responses(IDENTITY, 2, 3)));
        PLAINTEXTS.put("control-unaltered", plaintext(40, 3000));
        return out;
    }

    private static JsonValue.JsonObject result(String id) {
        return ScriptCases.byId(DOCUMENT.get(), id);
    }

    private static String sdkError(JsonValue.JsonObject r) {
        return r.get("error").isPresent() ? JsJson.stringify(member(r, "error")) : null;
    }

    /**
     * The SDK refused case {@code id} by its own checks: an error, not one of JavaScript's own (a bug of the script),
     * while the unaltered ciphertext of the refusal cases opens in the same run.
     */
    private static void assertSdkRefused(String id) {
        JsonValue.JsonObject r = result(id);
        assertTrue(sdkError(r) != null, id + ": the SDK opened it: " + JsJson.stringify(r));
        JsonValue name = member((JsonValue.JsonObject) member(r, "error"), "name");
        assertTrue(!(name instanceof JsonValue.JsonString s) || !SCRIPT_ERRORS.contains(s.value()),
                id + ": the script failed rather than the SDK: " + sdkError(r));
        assertTrue(sdkError(result("control-unaltered")) == null, "the control case failed too: "
                + sdkError(result("control-unaltered")));
    }

    @Test
    void theScriptRanThePinnedSdk_withoutNetwork() {
        ScriptCases.assertPinnedCryptoOfflineAndInTime(DOCUMENT.get());
    }

    @Test
    void sdkEncrypts_litjDecryptsWithTheCombinedSignature() {
        BlsSignature key = NETWORK.signature(IDENTITY);
        List<String> failures = new ArrayList<>();
        for (int size : SIZES) {
            String id = "sdk-encrypt-" + size;
            JsonValue.JsonObject r = result(id);
            if (sdkError(r) != null) {
                failures.add(id + ": the SDK failed: " + sdkError(r));
                continue;
            }
            String base64 = string(r, "ciphertext");
            TimeLockCiphertext c = TimeLockCiphertext.parse(base64);
            if (!c.toBase64().equals(base64)) {
                failures.add(id + ": re-serialized differently");
            }
            if (!Arrays.equals(PLAINTEXTS.get(id), TimeLock.decrypt(c, NETWORK.publicKey(), IDENTITY, key)
                    .exportSecret())) {
                failures.add(id + ": litj opened it to other bytes");
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void litjEncrypts_sdkDecryptsWithLitjShares() {
        List<String> failures = new ArrayList<>();
        for (int size : SIZES) {
            String id = "sdk-decrypt-" + size;
            JsonValue.JsonObject r = result(id);
            if (sdkError(r) != null) {
                failures.add(id + ": the SDK refused: " + sdkError(r));
            } else if (!Hex.encode(PLAINTEXTS.get(id)).equals(string(r, "plaintext"))) {
                failures.add(id + ": the SDK opened it to " + string(r, "plaintext"));
            }
        }
        JsonValue.JsonObject control = result("control-unaltered");
        assertEquals(Hex.encode(PLAINTEXTS.get("control-unaltered")), string(control, "plaintext"),
                "the unaltered ciphertext of the refusal cases opens: " + sdkError(control));
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void alteredCiphertext_refusedByTheSdkAndByLitj() {
        BlsSignature key = NETWORK.signature(IDENTITY);
        for (String part : List.of("U", "V", "len(W)", "W", "scheme")) {
            String id = "altered-" + part;
            assertSdkRefused(id);
            ThresholdException e = assertThrows(ThresholdException.class,
                    () -> TimeLock.decrypt(TimeLockCiphertext.parse(SENT.get(id)), key), id);
            LitErrorCode expected = part.equals("V") || part.equals("W") ? LitErrorCode.InvalidSignature
                    : LitErrorCode.NodeParserError;
            assertEquals(expected, e.code(), id + ": " + e.getMessage());
        }
    }

    @Test
    void alterationsTheSdkIgnores_refusedByLitj() {
        BlsSignature key = NETWORK.signature(IDENTITY);
        for (String id : List.of("sdk-lenient-padding", "sdk-lenient-scheme-3", "sdk-lenient-trailing-byte")) {
            JsonValue.JsonObject r = result(id);
            assertEquals(Hex.encode(PLAINTEXTS.get("sdk-lenient-padding")), string(r, "plaintext"),
                    id + ": the SDK (blsful) no longer ignores this alteration; update docs/encryption.md: "
                            + sdkError(r));
            ThresholdException e = assertThrows(ThresholdException.class,
                    () -> TimeLock.decrypt(TimeLockCiphertext.parse(SENT.get(id)), key), id);
            assertEquals(id.equals("sdk-lenient-padding") ? LitErrorCode.InvalidSignature
                    : LitErrorCode.NodeParserError, e.code(), id + ": " + e.getMessage());
        }
    }

    @Test
    void keyForAnotherIdentity_refusedByTheSdkAndByLitj() {
        assertSdkRefused("other-identity-shares");
        assertSdkRefused("shares-not-over-identity");
        TimeLockCiphertext c = TimeLockCiphertext.parse(SENT.get("other-identity-shares"));
        BlsSignature other = NETWORK.signature(OTHER_IDENTITY);
        assertEquals(LitErrorCode.InvalidSignature, assertThrows(ThresholdException.class,
                () -> TimeLock.decrypt(c, other)).code());
        assertEquals(LitErrorCode.InvalidSignature, assertThrows(ThresholdException.class,
                () -> TimeLock.decrypt(c, NETWORK.publicKey(), IDENTITY, other)).code());
    }

    @Test
    void sdkCiphertextAltered_refusedByLitj() {
        JsonValue.JsonObject r = result("sdk-encrypt-33");
        TimeLockCiphertext c = TimeLockCiphertext.parse(string(r, "ciphertext"));
        BlsSignature key = NETWORK.signature(IDENTITY);
        for (int index : new int[] {48, 60, 79, 81, 100, 81 + 33 - 1}) {
            byte[] raw = c.toBytes().toByteArray();
            raw[index] ^= 0x02;
            TimeLockCiphertext altered = TimeLockCiphertext.fromBytes(Bytes.of(raw));
            assertEquals(LitErrorCode.InvalidSignature, assertThrows(ThresholdException.class,
                    () -> TimeLock.decrypt(altered, key)).code(), "byte " + index);
        }
    }
}
