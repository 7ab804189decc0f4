package io.litj.threshold.bls;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.Vectors;
import io.litj.threshold.ThresholdException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The encodings of {@code vectors/litj/bls-encodings.json}: public keys, signatures and share objects are accepted
 * or refused with the listed code (identity, non-subgroup and off-curve points, bad field elements, flags, lengths,
 * share JSON shape). Every failure is collected before asserting.
 */
class BlsEncodingsTest {
    private static final List<JsonValue> CASES = ((JsonValue.JsonArray) Vectors.json("litj/bls-encodings.json")
            .get("cases").orElseThrow()).items();

    @Test
    void everyCase_acceptedOrRefusedWithItsCode() {
        List<String> failures = new ArrayList<>();
        for (JsonValue v : CASES) {
            JsonValue.JsonObject c = (JsonValue.JsonObject) v;
            String expected = Vectors.str(c, "expected");
            String actual;
            try {
                switch (Vectors.str(c, "kind")) {
                    case "publicKey" -> BlsPublicKey.parse(Vectors.str(c, "hex"));
                    case "signature" -> BlsSignature.parse(Vectors.str(c, "hex"));
                    case "shareWire" -> BlsSignatureShare.parseWire(Vectors.str(c, "json"));
                    default -> throw new IllegalStateException("unknown kind");
                }
                actual = "OK";
            } catch (ThresholdException e) {
                actual = e.code().name();
            }
            if (!expected.equals(actual)) {
                failures.add(Vectors.str(c, "id") + " (" + Vectors.str(c, "comment") + "): expected " + expected
                        + " but got " + actual);
            }
        }
        assertTrue(CASES.size() >= 25);
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    @Test
    void capabilityVerifier_everyRefusedSignatureEncoding_throwsInvalidSignature() {
        BlsPublicKey key = BlsSecretKey.random(new io.litj.threshold.testing.SeededRandom(1)).publicKey();
        List<String> failures = new ArrayList<>();
        for (JsonValue v : CASES) {
            JsonValue.JsonObject c = (JsonValue.JsonObject) v;
            if (!Vectors.str(c, "kind").equals("signature") || Vectors.str(c, "hex").length() % 2 != 0) {
                continue;
            }
            byte[] sig = io.litj.protocol.crypto.Hex.decode(Vectors.str(c, "hex"), "sig");
            try {
                Bls.capabilityVerifier(key).verify(new byte[32], sig);
                failures.add(Vectors.str(c, "id") + " verified");
            } catch (LitProtocolException e) {
                if (e.code() != LitErrorCode.InvalidSignature) {
                    failures.add(Vectors.str(c, "id") + " threw " + e + " instead of InvalidSignature");
                }
            } catch (RuntimeException e) {
                failures.add(Vectors.str(c, "id") + " threw " + e + " instead of InvalidSignature");
            }
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }
}
