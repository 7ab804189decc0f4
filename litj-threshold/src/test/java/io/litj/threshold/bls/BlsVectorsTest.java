package io.litj.threshold.bls;

import io.litj.protocol.Text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.auth.BlsSessionMessage;
import io.litj.protocol.crypto.Eip191;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.Vectors;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.testing.VectorRunner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import supranational.blst.BLST_ERROR;

/**
 * The JS SDK's BLS share vectors ({@code vectors/js-sdk-b24d14f93/bls-shares.json}, V1 and V2 of
 * {@code lit-node-behaviour.md} §9.2): shares parse, combine to the recorded signature (every {@code t}-subset),
 * the signature verifies under the root key with the POP DST and not with the NUL DST or another message, and the
 * share JSON re-serializes byte for byte. Every failure of every case is collected before asserting.
 */
class BlsVectorsTest {
    private static final List<JsonValue> CASES = ((JsonValue.JsonArray) Vectors.json("js-sdk-b24d14f93/bls-shares.json")
            .get("cases").orElseThrow()).items();
    private static final String NUL_DST = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_";
    /** Case id → reason, for cases known not to pass. Empty: all pass. */
    private static final Map<String, String> KNOWN_DEVIATIONS = Map.of();

    @Test
    void everyCase_combinesToTheRecordedSignatureThatVerifies() {
        List<String> failures = VectorRunner.failures(CASES, KNOWN_DEVIATIONS, BlsVectorsTest::check);
        assertEquals(2, CASES.size());
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    private static void check(JsonValue.JsonObject c, List<String> problems) {
        BlsPublicKey key = BlsPublicKey.parse(Vectors.str(c, "publicKey"));
        BlsSignature expected = BlsSignature.parse(Vectors.str(c, "combined"));
        int t = (int) ((JsonValue.JsonNumber) c.get("threshold").orElseThrow()).value();
        byte[] message;
        List<BlsSignatureShare> shares = new ArrayList<>();
        List<String> wire = new ArrayList<>();
        if (c.get("messageUtf8").isPresent()) {
            message = Vectors.str(c, "messageUtf8").getBytes(StandardCharsets.UTF_8);
            for (JsonValue s : ((JsonValue.JsonArray) c.get("shares").orElseThrow()).items()) {
                wire.add(((JsonValue.JsonString) s).value());
            }
        } else {
            String siwe = Vectors.str(c, "siweMessage");
            message = Hex.decode(Vectors.str(c, "dataSigned"), "dataSigned");
            expectEqual(problems, "keccak256(EIP-191(siwe))", Vectors.str(c, "siweEip191Keccak256"),
                    Hex.encode(Eip191.hash(siwe)));
            expectEqual(problems, "dataSigned = BlsSessionMessage.of(siwe)", Vectors.str(c, "dataSigned"),
                    Hex.encode(BlsSessionMessage.of(siwe)));
            for (JsonValue r : ((JsonValue.JsonArray) c.get("responses").orElseThrow()).items()) {
                JsonValue.JsonObject response = (JsonValue.JsonObject) r;
                int shareIndex = (int) ((JsonValue.JsonNumber) response.get("shareIndex").orElseThrow()).value();
                String json = "{\"ProofOfPossession\":\"" + Vectors.str(response, "signatureShare", "ProofOfPossession")
                        + "\"}";
                wire.add(json);
                int identifier = BlsSignatureShare.parseWire(json).identifier();
                if (identifier != shareIndex + 1) {
                    problems.add("share with shareIndex " + shareIndex + " has identifier " + identifier);
                }
            }
        }
        for (String json : wire) {
            BlsSignatureShare s = BlsSignatureShare.parseWire(json);
            expectEqual(problems, "share " + s.identifier() + " re-serialized", json, s.toWireJson());
            shares.add(s);
        }
        for (List<BlsSignatureShare> subset : subsets(shares, t)) {
            String ids = subset.stream().map(s -> String.valueOf(s.identifier())).toList().toString();
            expectEqual(problems, "raw combine of " + ids, expected.toHex(), BlsCombiner.combine(subset).toHex());
            expectEqual(problems, "combineAndVerify of " + ids, expected.toHex(),
                    BlsCombiner.combineAndVerify(subset, t, key, message).toHex());
        }
        refusal(() -> Bls.verify(key, message, expected)).ifPresent(code ->
                problems.add("combined signature does not verify with the POP DST: " + code));
        if (expected.point().core_verify(key.point(), true, message, NUL_DST) == BLST_ERROR.BLST_SUCCESS) {
            problems.add("combined signature verifies with the NUL DST");
        }
        byte[] other = message.clone();
        other[other.length - 1] ^= 1;
        if (!refusal(() -> Bls.verify(key, other, expected)).equals(Optional.of(LitErrorCode.InvalidSignature))) {
            problems.add("combined signature over a changed message is not refused with InvalidSignature");
        }
        refusal(() -> Bls.capabilityVerifier(key).verify(message, expected.toBytes().toByteArray())).ifPresent(code ->
                problems.add("capability verifier refuses the combined signature: " + code));
    }

    /** The code a verification throws, or empty when it passes. */
    private static Optional<LitErrorCode> refusal(Runnable verification) {
        try {
            verification.run();
            return Optional.empty();
        } catch (ThresholdException e) {
            return Optional.of(e.code());
        } catch (LitProtocolException e) {
            return Optional.of(e.code());
        }
    }

    private static void expectEqual(List<String> problems, String what, String expected, String actual) {
        if (!expected.equals(actual)) {
            problems.add(what + ": expected " + Text.cut(expected) + " but got " + Text.cut(actual));
        }
    }

    private static List<List<BlsSignatureShare>> subsets(List<BlsSignatureShare> all, int t) {
        List<List<BlsSignatureShare>> out = new ArrayList<>();
        for (int mask = 0; mask < (1 << all.size()); mask++) {
            if (Integer.bitCount(mask) == t) {
                List<BlsSignatureShare> subset = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    if ((mask & (1 << i)) != 0) {
                        subset.add(all.get(i));
                    }
                }
                out.add(subset);
            }
        }
        return out;
    }
}
