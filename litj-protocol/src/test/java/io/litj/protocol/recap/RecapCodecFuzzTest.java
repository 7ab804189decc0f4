package io.litj.protocol.recap;

import static org.quicktheories.QuickTheory.qt;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Base64Url;
import io.litj.protocol.testing.Fuzz;
import io.litj.protocol.testing.TestSessions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fuzz of {@link RecapCodec#decode} (issue 8): mutated URNs (broken base64url, padding, wrong prefix) and URNs
 * of mutated JSON (deep nesting, huge numbers, unsorted or unknown keys, bytes that are not UTF-8) decode or are
 * refused with {@code NodeSIWECapabilityInvalid}, never anything else.
 */
class RecapCodecFuzzTest {
    private static final long SEED = 5573_2023_01L;
    private static final LitErrorCode CODE = LitErrorCode.NodeSIWECapabilityInvalid;
    private static final List<String> JSON_SEEDS = List.of(
            "{\"att\":{\"lit-litaction://*\":{\"Threshold/Execution\":[{}]},\"lit-pkp://*\":{\"Threshold/Signing\":"
                    + "[{}]}},\"prf\":[]}",
            "{\"att\":{\"lit-resolvedauthcontext://*\":{\"Auth/Auth\":[{\"auth_context\":{\"a\":[1,{\"b\":null}]}}]}},"
                    + "\"prf\":[\"bafybeigdyr\"]}",
            "{\"att\":{},\"prf\":[]}");
    private static final List<String> URN_SEEDS = List.of(
            TestSessions.walletGrant().signedMessage().substring(
                    TestSessions.walletGrant().signedMessage().indexOf(RecapCodec.URN_PREFIX)),
            RecapCodec.URN_PREFIX + Base64Url.encode(JSON_SEEDS.get(1).getBytes(StandardCharsets.UTF_8)) + "==",
            RecapCodec.URN_PREFIX + "eyJhdHQiOnt9LCJwcmYiOltdfQ");

    @Test
    void decode_mutatedUrn_recapOrSiweCapabilityInvalidOnly() {
        System.out.println("RecapCodecFuzzTest seed " + SEED + ", " + Fuzz.EXAMPLES + " examples");
        qt().withFixedSeed(SEED).withExamples(Fuzz.EXAMPLES).forAll(Fuzz.inputs(URN_SEEDS)).checkAssert(urn ->
                Fuzz.parseOrRefuse(urn.text(), CODE, RecapCodec::decode));
    }

    @Test
    void decode_urnOfMutatedJson_recapOrSiweCapabilityInvalidOnly() {
        System.out.println("RecapCodecFuzzTest seed " + (SEED + 1) + ", " + Fuzz.EXAMPLES + " examples");
        qt().withFixedSeed(SEED + 1).withExamples(Fuzz.EXAMPLES).forAll(Fuzz.inputs(JSON_SEEDS)).checkAssert(in -> {
            String json = in.text();
            boolean latin1 = json.hashCode() % 5 == 0;
            byte[] bytes = json.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            Fuzz.parseOrRefuse(RecapCodec.URN_PREFIX + Base64Url.encode(bytes), CODE, RecapCodec::decode);
        });
    }
}
