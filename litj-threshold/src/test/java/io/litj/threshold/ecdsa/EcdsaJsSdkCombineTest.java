package io.litj.threshold.ecdsa;

import static io.litj.protocol.testing.JsonAccess.member;
import static io.litj.protocol.testing.JsonAccess.object;
import static io.litj.protocol.testing.JsonAccess.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.NodeJs;
import io.litj.protocol.testing.RunOnce;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.testing.ScriptCases;
import io.litj.threshold.testing.SeededRandom;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signature shares made by litj, combined by the real JS SDK 7.4.0 ({@code interop/ecdsa-combine.mjs}: the SDK's
 * own {@code parsePkpSignResponse} and {@code getSignatures}, i.e. the wasm combiner and its verification, then
 * ethers' recovery): the SDK must return exactly the signature {@link EcdsaCombiner} returns, recovering to the
 * PKP key, for every signing set; and refuse, as litj does, a set with one wrong share. The script runs once per
 * class without network. Skipped without Node.js unless {@code CI} is set (see {@link NodeJs}).
 */
class EcdsaJsSdkCombineTest {
    private static final String SCRIPT = "ecdsa-combine.mjs";
    private static final String BAD_SHARE = "3-of-5 [1,2,4] with a wrong share from party 4";
    private static final EcdsaFixture TWO_OF_THREE = new EcdsaFixture(3, 2, 101);
    private static final EcdsaFixture THREE_OF_FIVE = new EcdsaFixture(5, 3, 102);

    /** A case: the shares sent, the key and digest, what litj made of them (null if it refused). */
    private record Case(String id, List<EcdsaSignatureShare> shares, Bytes publicKey, byte[] digest) {
    }

    private static final Map<String, Case> CASES = cases();
    private static final RunOnce<JsonValue.JsonObject> DOCUMENT = new RunOnce<>(() -> JsonReader.parseObject(
            NodeJs.runScript(SCRIPT, NodeJs.asciiJson(input())), LitErrorCode.NodeParserError, SCRIPT + " output"));

    private static Map<String, Case> cases() {
        Map<String, Case> out = new LinkedHashMap<>();
        SeededRandom random = new SeededRandom(103);
        List<Object[]> sets = List.of(new Object[] {TWO_OF_THREE, List.of(1, 2)},
                new Object[] {TWO_OF_THREE, List.of(2, 3)}, new Object[] {TWO_OF_THREE, List.of(1, 2, 3)},
                new Object[] {THREE_OF_FIVE, List.of(1, 2, 3)}, new Object[] {THREE_OF_FIVE, List.of(2, 4, 5)},
                new Object[] {THREE_OF_FIVE, List.of(1, 3, 4, 5)}, new Object[] {THREE_OF_FIVE, List.of(1, 2, 3, 4, 5)});
        for (Object[] s : sets) {
            EcdsaFixture f = (EcdsaFixture) s[0];
            @SuppressWarnings("unchecked")
            List<Integer> indices = (List<Integer>) s[1];
            for (int round = 0; round < 2; round++) {
                byte[] digest = new byte[32];
                random.nextBytes(digest);
                List<EcdsaSignatureShare> shares = f.sign(f.presign(new Participants(indices, f.t)), digest);
                String id = f.t + "-of-" + f.n + " " + indices.toString().replace(" ", "") + " #" + round;
                out.put(id, new Case(id, shares, f.publicKey, digest));
            }
        }
        Case template = out.get("3-of-5 [2,4,5] #0");
        List<EcdsaSignatureShare> withBad = new ArrayList<>(THREE_OF_FIVE.sign(
                THREE_OF_FIVE.presign(THREE_OF_FIVE.set(1, 2, 4)), template.digest()));
        EcdsaSignatureShare last = withBad.get(2);
        BigInteger wrong = new BigInteger(1, last.signatureShare().toByteArray()).add(BigInteger.TWO);
        withBad.set(2, new EcdsaSignatureShare(4, Bytes.of(K256.scalarBytes(wrong)), last.bigR(), last.digest(),
                last.publicKey()));
        out.put(BAD_SHARE, new Case(BAD_SHARE, withBad, THREE_OF_FIVE.publicKey, template.digest()));
        return out;
    }

    private static JsonValue input() {
        List<JsonValue> cases = new ArrayList<>();
        for (Case c : CASES.values()) {
            List<JsonValue> responses = new ArrayList<>();
            List<JsonValue> signed = new ArrayList<>();
            for (byte b : c.digest()) {
                signed.add(new JsonValue.JsonNumber(b & 0xff));
            }
            for (EcdsaSignatureShare s : c.shares()) {
                responses.add(JsonValue.object().put("success", new JsonValue.JsonBoolean(true))
                        .put("signedData", new JsonValue.JsonArray(signed))
                        .put("signatureShare", JsonReader.parse(s.toWireJson(), LitErrorCode.NodeParserError, "share"))
                        .build());
            }
            cases.add(JsonValue.object().put("id", c.id())
                    .put("minNodeCount", new JsonValue.JsonNumber(c.shares().size()))
                    .put("responses", new JsonValue.JsonArray(responses)).build());
        }
        return JsonValue.object().put("cases", new JsonValue.JsonArray(cases)).build();
    }

    private static JsonValue.JsonObject result(String id) {
        return ScriptCases.byId(DOCUMENT.get(), id);
    }

    @Test
    void theScriptRanThePinnedSdk_withoutNetwork() {
        ScriptCases.assertPinnedCryptoOfflineAndInTime(DOCUMENT.get());
    }

    @Test
    void everySigningSet_sdkCombinesLitjSharesToLitjsSignature_recoveringToThePkp() {
        List<String> failures = new ArrayList<>();
        for (Case c : CASES.values()) {
            if (c.id().equals(BAD_SHARE)) {
                continue;
            }
            JsonValue.JsonObject r = result(c.id());
            if (r.get("error").isPresent()) {
                failures.add(c.id() + ": the SDK failed: " + JsJson.stringify(member(r, "error")));
                continue;
            }
            EcdsaSignature ours = EcdsaCombiner.combine(c.shares(), c.publicKey(), c.digest());
            String theirs = JsJson.stringify(member(r, "signature"));
            if (!ours.toJsSdkJson(c.publicKey(), c.digest()).equals(theirs)) {
                failures.add(c.id() + ": litj " + ours.toJsSdkJson(c.publicKey(), c.digest()) + " but SDK " + theirs);
            }
            if (!c.publicKey().hex0x().equals(string(r, "recoveredPublicKey"))) {
                failures.add(c.id() + ": ethers recovers " + string(r, "recoveredPublicKey"));
            }
            EthAddress address = EthAddress.fromPublicKey(c.publicKey().toByteArray());
            if (!address.equals(EthAddress.parse(string(r, "recoveredAddress"), "address"))) {
                failures.add(c.id() + ": ethers recovers address " + string(r, "recoveredAddress"));
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " difference(s) from the JS SDK:\n  "
                + String.join("\n  ", failures));
    }

    @Test
    void oneWrongShare_sdkRefusesToo() {
        Case c = CASES.get(BAD_SHARE);
        assertEquals(LitErrorCode.InvalidSignature, assertThrows(ThresholdException.class,
                () -> EcdsaCombiner.combine(c.shares(), c.publicKey(), c.digest())).code());
        JsonValue.JsonObject r = result(BAD_SHARE);
        assertTrue(r.get("error").isPresent(), "the SDK combined a set with a wrong share: " + JsJson.stringify(r));
    }

    @Test
    void vectorDigests_areWhatTheSdkReportsAsDataSigned() {
        for (Case c : CASES.values()) {
            JsonValue.JsonObject r = result(c.id());
            if (r.get("signature").isPresent()) {
                assertEquals(Hex.encode(c.digest()).toUpperCase(java.util.Locale.ROOT),
                        string(object(r, "signature"), "dataSigned"), c.id());
            }
        }
    }
}
