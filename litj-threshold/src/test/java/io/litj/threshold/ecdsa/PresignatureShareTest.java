package io.litj.threshold.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.ThresholdException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/** Export and import for the node's pool, signing refusals, and secrets that never print. */
class PresignatureShareTest {
    private static final EcdsaFixture FIXTURE = new EcdsaFixture(3, 2, 23);
    private static final Map<Integer, PresignatureShare> PRESIG = FIXTURE.presign(FIXTURE.set(1, 2, 3));
    private static final byte[] DIGEST = Hex.decode("ab".repeat(32), "d");

    @Test
    void exportThenImport_sameShare_signsTheSame() {
        PresignatureShare p = PRESIG.get(2);
        String json = p.exportSecretJson();
        PresignatureShare back = PresignatureShare.importSecretJson(json);
        assertTrue(back.sameSecretAs(p));
        assertEquals(p.id(), back.id());
        assertEquals(p.sign(DIGEST, FIXTURE.publicKey), back.sign(DIGEST, FIXTURE.publicKey));
        assertEquals(json, back.exportSecretJson());
        assertFalse(back.sameSecretAs(PRESIG.get(1)));
    }

    @Test
    void importSecretJson_malformedOrInconsistent_refusedWithNodeParserError() {
        String json = PRESIG.get(1).exportSecretJson();
        JsonValue.JsonObject o = JsonReader.parseObject(json, LitErrorCode.NodeParserError, "t");
        String k = ((JsonValue.JsonString) o.get("k").get()).value();
        String sigma = ((JsonValue.JsonString) o.get("sigma").get()).value();
        String bigR = ((JsonValue.JsonString) o.get("bigR").get()).value();
        List<String> bad = List.of(
                "",
                "{}",
                json.replace("\"version\":1", "\"version\":2"),
                json.replace("{\"version\":1", "{\"extra\":1,\"version\":1"),
                json.replace("\"k\":\"" + k, "\"k\":\"" + sigma),
                json.replace("\"sigma\":\"" + sigma, "\"sigma\":\"" + k),
                json.replace("\"self\":1", "\"self\":4"),
                json.replace("\"threshold\":2", "\"threshold\":4"),
                json.replace("\"participants\":[1,2,3]", "\"participants\":[1,2]"),
                json.replace("\"participants\":[1,2,3]", "\"participants\":[1,3,2]"),
                json.replace("\"bigR\":\"" + bigR, "\"bigR\":\"04" + bigR.substring(2)),
                json.replace("\"k\":\"" + k, "\"k\":\"" + "ff".repeat(32)),
                json.replace("{\"index\":2", "{\"index\":3"),
                json.replace("\"bigK\":", "\"bigKey\":"));
        for (int i = 0; i < bad.size(); i++) {
            String text = bad.get(i);
            ThresholdException e = assertThrows(ThresholdException.class,
                    () -> PresignatureShare.importSecretJson(text), "case " + i);
            assertEquals(LitErrorCode.NodeParserError, e.code(), "case " + i + ": " + e.getMessage());
            assertFalse(e.getMessage().contains(k) || e.getMessage().contains(sigma), "case " + i);
        }
    }

    @Test
    void sign_otherKeyOrShortDigest_refusedWithInvalidArgument() {
        PresignatureShare p = PRESIG.get(1);
        EcdsaFixture other = new EcdsaFixture(3, 2, 24);
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(ThresholdException.class,
                () -> p.sign(DIGEST, other.publicKey)).code());
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(ThresholdException.class,
                () -> p.sign(new byte[31], FIXTURE.publicKey)).code());
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(ThresholdException.class,
                () -> p.expectedShareCommitment(5, DIGEST)).code());
    }

    @Test
    void signingShares_fromEveryParty_sumToAVerifyingSignature() {
        List<EcdsaSignatureShare> shares = FIXTURE.sign(PRESIG, DIGEST);
        assertEquals(List.of(1, 2, 3), shares.stream().map(EcdsaSignatureShare::shareIndex).toList());
        EcdsaSignature sig = EcdsaCombiner.combine(shares, FIXTURE.publicKey, DIGEST);
        assertEquals(FIXTURE.publicKey, sig.recoverPublicKey(DIGEST));
    }

    @Test
    void secrets_printedEveryWay_neverShown() {
        PresignatureShare p = PRESIG.get(3);
        JsonValue.JsonObject o = JsonReader.parseObject(p.exportSecretJson(), LitErrorCode.NodeParserError, "t");
        String k = ((JsonValue.JsonString) o.get("k").get()).value();
        String sigma = ((JsonValue.JsonString) o.get("sigma").get()).value();
        StringWriter trace = new StringWriter();
        new IllegalStateException("failed with " + p).printStackTrace(new PrintWriter(trace));
        LogRecord record = new LogRecord(Level.SEVERE, "presignature {0}");
        record.setParameters(new Object[] {p});
        String printed = String.join("\n", p.toString(), String.valueOf(p), List.of(p).toString(),
                String.format(Locale.ROOT, "%s", p), trace.toString(), new SimpleFormatter().format(record))
                .toLowerCase(Locale.ROOT);
        assertFalse(printed.contains(k), printed);
        assertFalse(printed.contains(sigma), printed);
        assertTrue(p.toString().contains(p.bigR().toBytes().hex()));
        assertTrue(p.toString().startsWith("PresignatureShare[id=" + p.id().hex().substring(0, 16) + ", party=3"));
    }
}
