package io.litj.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Vector V5 ({@code lit-node-behaviour.md} §9.2): the JS SDK test's two shares combine to the recorded r, s. */
class ShareCombinationTest {
    private static final String DIGEST = "7D87C5EA75F7378BB701E404C50639161AF3EFF66293E9F375B5F17EB50476F4";
    private static final String KEY = "04156D7E068BF5ED014057B8B6365BF89053D567D38EC24030C699B94065F2D39B4D45F463464F1A"
            + "138D7149D1C0EF41ACF9B8826050B9E3DCC847DE2127BDB726";
    private static final String BIG_R = "0332188F0918B7DEBB0CC846B00B0AAD9300308260C2DAD25A85FDECA671C36B1B";

    private static JsonValue share(String value) {
        return JsonValue.object().put("digest", q(DIGEST)).put("result", "success")
                .put("share_index", new JsonValue.JsonNumber(0)).put("signature_share", q(value))
                .put("big_r", q(BIG_R)).put("public_key", q(KEY)).put("sig_type", "K256").build();
    }

    private static String q(String hex) {
        return "\"" + hex + "\"";
    }

    @Test
    void combine_vectorV5_givesTheRecordedSignature() {
        Map<String, JsonValue> shares = new LinkedHashMap<>();
        shares.put("http://127.0.0.1:1", share("3ED0A844FAE40DF6210A6B2EACB9426E52E8339E243E697E33CF14E0CDE2B827"));
        shares.put("http://127.0.0.1:2", share("B1AA643E88F8937B71CE2D43DCB73E0180AC96D1E39ECC579F0EC9635F37D4CB"));
        PkpSignature sig = ShareCombination.combine("V5", shares, Optional.empty(), Optional.empty(), 2);
        assertEquals("32188f0918b7debb0cc846b00b0aad9300308260c2dad25a85fdeca671c36b1b", sig.r().hex());
        assertEquals("0f84f37c7c235e8e6d27678d768f7f8ee71a1276a76b6a65ecf48048a31bb44f", sig.s().hex());
        assertEquals(0, sig.recid());
        assertEquals(Bytes.fromHex(KEY, "key"), sig.publicKey());
        assertEquals(27, sig.signature().get(64));
    }
}
