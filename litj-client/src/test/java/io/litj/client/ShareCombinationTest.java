package io.litj.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.ecdsa.EcdsaCombiner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Vector V5 ({@code lit-node-behaviour.md} §9.2): the JS SDK test's two shares combine to the recorded r, s; and the
 * refusals of {@link ShareCombination}, {@link SignedDataCombination} and {@link PkpSignature} with their codes.
 */
class ShareCombinationTest {
    private static final String DIGEST = "7D87C5EA75F7378BB701E404C50639161AF3EFF66293E9F375B5F17EB50476F4";
    private static final String KEY = "04156D7E068BF5ED014057B8B6365BF89053D567D38EC24030C699B94065F2D39B4D45F463464F1A"
            + "138D7149D1C0EF41ACF9B8826050B9E3DCC847DE2127BDB726";
    private static final String BIG_R = "0332188F0918B7DEBB0CC846B00B0AAD9300308260C2DAD25A85FDECA671C36B1B";

    private static final String SHARE_1 = "3ED0A844FAE40DF6210A6B2EACB9426E52E8339E243E697E33CF14E0CDE2B827";
    private static final String SHARE_2 = "B1AA643E88F8937B71CE2D43DCB73E0180AC96D1E39ECC579F0EC9635F37D4CB";

    private static JsonValue share(String value) {
        return share(value, BIG_R, "K256");
    }

    private static JsonValue share(String value, String bigR, String sigType) {
        return JsonValue.object().put("digest", q(DIGEST)).put("result", "success")
                .put("share_index", new JsonValue.JsonNumber(0)).put("signature_share", q(value))
                .put("big_r", q(bigR)).put("public_key", q(KEY)).put("sig_type", sigType).build();
    }

    private static Map<String, JsonValue> two(JsonValue first, JsonValue second) {
        Map<String, JsonValue> shares = new LinkedHashMap<>();
        shares.put("http://127.0.0.1:1", first);
        shares.put("http://127.0.0.1:2", second);
        return shares;
    }

    private static LitClientException refused(Map<String, JsonValue> shares) {
        return assertThrows(LitClientException.class,
                () -> ShareCombination.combine("V5", shares, Optional.empty(), Optional.empty(), 2));
    }

    private static String q(String hex) {
        return "\"" + hex + "\"";
    }

    @Test
    void combine_vectorV5_givesTheRecordedSignature() {
        PkpSignature sig = ShareCombination.combine("V5", two(share(SHARE_1), share(SHARE_2)), Optional.empty(),
                Optional.empty(), 2);
        assertEquals("32188f0918b7debb0cc846b00b0aad9300308260c2dad25a85fdeca671c36b1b", sig.r().hex());
        assertEquals("0f84f37c7c235e8e6d27678d768f7f8ee71a1276a76b6a65ecf48048a31bb44f", sig.s().hex());
        assertEquals(0, sig.recid());
        assertEquals(Bytes.fromHex(KEY, "key"), sig.publicKey());
        assertEquals(27, sig.signature().get(64));
    }

    @Test
    void combine_aShareOfAnotherCurve_isInvalidSignatureNamingItsNode() {
        LitClientException e = refused(two(share(SHARE_1), share(SHARE_2, BIG_R, "EcdsaCaitSithP256")));
        assertEquals(LitErrorCode.InvalidSignature, e.code());
        assertEquals(List.of("http://127.0.0.1:2"), e.nodeFailures().stream().map(NodeFailure::nodeUrl).toList());
        assertTrue(e.nodeFailures().get(0).message().contains("not K256"), e.getMessage());
    }

    @Test
    void combine_sharesDisagreeingOnBigR_isInvalidSignatureNamingTheOtherOne() {
        String otherR = "02" + BIG_R.substring(2);
        LitClientException e = refused(two(share(SHARE_1), share(SHARE_2, otherR, "K256")));
        assertEquals(LitErrorCode.InvalidSignature, e.code());
        assertEquals(List.of("http://127.0.0.1:2"), e.nodeFailures().stream().map(NodeFailure::nodeUrl).toList());
    }

    @Test
    void combine_moreSharesThanACombinationTakes_isInvalidArgumentBeforeReadingThem() {
        Map<String, JsonValue> shares = new LinkedHashMap<>();
        for (int i = 0; i <= EcdsaCombiner.MAX_SHARES; i++) {
            shares.put("http://127.0.0.1:" + (1000 + i), JsonValue.JsonNull.INSTANCE);
        }
        assertEquals(LitErrorCode.InvalidArgument, refused(shares).code());
    }

    @Test
    void signedData_moreSignatureNamesThanAllowed_isInvalidArgument() {
        JsonValue.ObjectBuilder signed = JsonValue.object();
        for (int i = 0; i <= SignedDataCombination.MAX_SIGNATURES; i++) {
            signed.put("sig" + i, share(SHARE_1));
        }
        NodeOutcome outcome = new NodeOutcome("", "", signed.build(), JsonValue.JsonObject.empty());
        LitClientException e = assertThrows(LitClientException.class,
                () -> SignedDataCombination.combine(Map.of("http://127.0.0.1:1", outcome), 1, "lit_test"));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
    }

    @Test
    void pkpSignature_vThatIsNot27PlusRecid_isInvalidArgument() {
        Bytes r = Bytes.of(new byte[32]);
        byte[] sig = new byte[65];
        sig[64] = 28;
        LitClientException e = assertThrows(LitClientException.class, () -> new PkpSignature(r, r, 0, Bytes.of(sig),
                Bytes.fromHex(KEY, "key"), r));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
    }
}
