package io.litj.threshold.bls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.Vectors;
import io.litj.threshold.testing.VectorRunner;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JS SDK's time-lock vector ({@code vectors/js-sdk-b24d14f93/timelock.json}, V1 of {@code lit-node-behaviour.md}
 * §9.2): the SDK's ciphertext parses, re-serializes byte for byte, and opens to the recorded plaintext under the
 * recorded signature, with and without the signature check. Every failure of every case is collected first.
 */
class TimeLockVectorsTest {
    private static final List<JsonValue> CASES = ((JsonValue.JsonArray) Vectors.json("js-sdk-b24d14f93/timelock.json")
            .get("cases").orElseThrow()).items();
    /** Case id → reason, for cases known not to pass. Empty: all pass. */
    private static final Map<String, String> KNOWN_DEVIATIONS = Map.of();

    @Test
    void everyCase_opensToTheRecordedPlaintext() {
        List<String> failures = VectorRunner.failures(CASES, KNOWN_DEVIATIONS, TimeLockVectorsTest::check);
        assertEquals(1, CASES.size());
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    private static void check(JsonValue.JsonObject c, List<String> problems) {
        BlsPublicKey key = BlsPublicKey.parse(Vectors.str(c, "publicKey"));
        byte[] identity = Vectors.str(c, "identityUtf8").getBytes(StandardCharsets.UTF_8);
        BlsSignature signature = BlsSignature.parse(Vectors.str(c, "signature"));
        String base64 = Vectors.str(c, "ciphertext");
        TimeLockCiphertext ciphertext = TimeLockCiphertext.parse(base64);
        if (!ciphertext.toBase64().equals(base64)) {
            problems.add("re-serialized as " + ciphertext.toBase64());
        }
        String expected = Vectors.str(c, "plaintextUtf8");
        String opened = new String(TimeLock.decrypt(ciphertext, signature).exportSecret(), StandardCharsets.UTF_8);
        if (!opened.equals(expected)) {
            problems.add("opened to '" + opened + "'");
        }
        String verified = new String(TimeLock.decrypt(ciphertext, key, identity, signature).exportSecret(),
                StandardCharsets.UTF_8);
        if (!verified.equals(expected)) {
            problems.add("opened with the signature check to '" + verified + "'");
        }
    }
}
