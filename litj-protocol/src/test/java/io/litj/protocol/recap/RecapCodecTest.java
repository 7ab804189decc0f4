package io.litj.protocol.recap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * URNs and statements are spec vectors ({@code js-sdk-v7-wire-format.md} §11.2, {@code lit-node-behaviour.md}
 * §9.2 V3/V6, {@code erc5573-recap.md} §8) or npm siwe-recap@0.0.2-alpha.0 output generated once with node.
 * Refused URNs are built here by hand from JSON text (the JDK's base64url, not the code under test).
 */
class RecapCodecTest {
    static final String EMPTY_URN = "urn:recap:eyJhdHQiOnt9LCJwcmYiOltdfQ";
    static final String PKP_URN = "urn:recap:eyJhdHQiOnsibGl0LXBrcDovLyoiOnsiVGhyZXNob2xkL1NpZ25pbmciOlt7fV19fSwicHJmIjpbXX0";
    static final String ALL_FIVE_URN = "urn:recap:eyJhdHQiOnsibGl0LWFjY2Vzc2NvbnRyb2xjb25kaXRpb246Ly8qIjp7IlRocmVzaG9s"
            + "ZC9EZWNyeXB0aW9uIjpbe31dLCJUaHJlc2hvbGQvU2lnbmluZyI6W3t9XX0sImxpdC1saXRhY3Rpb246Ly8qIjp7IlRocmVzaG9sZC9F"
            + "eGVjdXRpb24iOlt7fV19LCJsaXQtcGtwOi8vKiI6eyJUaHJlc2hvbGQvU2lnbmluZyI6W3t9XX0sImxpdC1yYXRlbGltaXRpbmNyZWFz"
            + "ZTovLyoiOnsiQXV0aC9BdXRoIjpbe31dfX0sInByZiI6W119";
    static final String ALL_FIVE_STATEMENT = "I further authorize the stated URI to perform the following actions on my "
            + "behalf: (1) 'Threshold': 'Decryption', 'Signing' for 'lit-accesscontrolcondition://*'. (2) 'Threshold': "
            + "'Execution' for 'lit-litaction://*'. (3) 'Threshold': 'Signing' for 'lit-pkp://*'. (4) 'Auth': 'Auth' for "
            + "'lit-ratelimitincrease://*'.";
    static final String CAPACITY_URN = "urn:recap:eyJhdHQiOnsibGl0LXJhdGVsaW1pdGluY3JlYXNlOi8vMjUzNjQiOnsiQXV0aC9BdXRo"
            + "IjpbeyJuZnRfaWQiOlsiMjUzNjQiXX1dfX0sInByZiI6W119";
    static final JsonValue.JsonObject NONE = JsonValue.JsonObject.empty();

    @Test
    void encode_emptyRecap_isSpecUrn() {
        assertEquals(EMPTY_URN, RecapCodec.encode(Recap.empty()));
        assertEquals(EMPTY_URN, Recap.empty().toUrn());
    }

    @Test
    void statement_emptyRecap_isPreambleOnly() {
        assertEquals("I further authorize the stated URI to perform the following actions on my behalf:",
                Recap.empty().statement());
        assertEquals(Recap.STATEMENT_PREAMBLE, RecapCodec.decode(EMPTY_URN).statement());
    }

    @Test
    void encode_pkpWildcardSigning_isSpecUrn() {
        Recap recap = Recap.empty().withAttenuation("lit-pkp://*", "Threshold", "Signing", NONE);
        assertEquals(PKP_URN, RecapCodec.encode(recap));
    }

    @Test
    void encode_allFiveAbilitiesInAnyOrder_isSpecUrnAndStatement() {
        Recap recap = Recap.empty()
                .withAttenuation("lit-ratelimitincrease://*", "Auth", "Auth", NONE)
                .withAttenuation("lit-pkp://*", "Threshold", "Signing", NONE)
                .withAttenuation("lit-litaction://*", "Threshold", "Execution", NONE)
                .withAttenuation("lit-accesscontrolcondition://*", "Threshold", "Signing", NONE)
                .withAttenuation("lit-accesscontrolcondition://*", "Threshold", "Decryption", NONE);
        assertEquals(ALL_FIVE_URN, RecapCodec.encode(recap));
        assertEquals(ALL_FIVE_STATEMENT, recap.statement());
    }

    @Test
    void decode_allFiveUrn_givesSameRecap() {
        Recap recap = RecapCodec.decode(ALL_FIVE_URN);
        assertEquals(List.of("lit-accesscontrolcondition://*", "lit-litaction://*", "lit-pkp://*",
                "lit-ratelimitincrease://*"), List.copyOf(recap.attenuations().keySet()));
        assertEquals(ALL_FIVE_STATEMENT, recap.statement());
        assertEquals(ALL_FIVE_URN, RecapCodec.encode(recap));
    }

    @Test
    void decode_capacityUrn_givesNftIdRestriction() {
        // erc5573-recap.md §8: {"att":{"lit-ratelimitincrease://25364":{"Auth/Auth":[{"nft_id":["25364"]}]}},"prf":[]}
        Recap recap = RecapCodec.decode(CAPACITY_URN);
        List<JsonValue.JsonObject> nb = recap.attenuations().get("lit-ratelimitincrease://25364").get("Auth/Auth");
        assertEquals("[{\"nft_id\":[\"25364\"]}]", JsJson.stringify(new JsonValue.JsonArray(List.copyOf(nb))));
        assertEquals(List.of(), recap.proofs());
        assertEquals(Recap.STATEMENT_PREAMBLE + " (1) 'Auth': 'Auth' for 'lit-ratelimitincrease://25364'.",
                recap.statement());
        assertEquals(CAPACITY_URN, RecapCodec.encode(recap));
    }

    @Test
    void decode_jsSdkCapacityDelegationUrn_reEncodesIdentically() {
        // js-sdk-v7-wire-format.md §11.1: NB with delegate_to, nft_id and uses
        String urn = "urn:recap:eyJhdHQiOnsibGl0LXJhdGVsaW1pdGluY3JlYXNlOi8vMTIzNDUiOnsiQXV0aC9BdXRoIjpbeyJkZWxlZ2F0ZV90"
                + "byI6WyI3MDk5Nzk3MEM1MTgxMmRjM0EwMTBDN2QwMWI1MGUwZDE3ZGM3OUM4Il0sIm5mdF9pZCI6WyIxMjM0NSJdLCJ1c2VzIjoi"
                + "MTAifV19fSwicHJmIjpbXX0";
        Recap recap = RecapCodec.decode(urn);
        assertEquals(urn, RecapCodec.encode(recap));
        assertEquals(Recap.STATEMENT_PREAMBLE + " (1) 'Auth': 'Auth' for 'lit-ratelimitincrease://12345'.",
                recap.statement());
    }

    @Test
    void decode_nodeAuthContextUrn_keepsNestedTypesAndReEncodesIdentically() {
        // lit-node-behaviour.md §9.2 V3: NB holds nested objects, numbers, booleans, null and empty strings
        String urn = "urn:recap:eyJhdHQiOnsibGl0LWxpdGFjdGlvbjovLyoiOnsiVGhyZXNob2xkL0V4ZWN1dGlvbiI6W3t9XX0sImxpdC1wa3A6"
                + "Ly8qIjp7IlRocmVzaG9sZC9TaWduaW5nIjpbe31dfSwibGl0LXJlc29sdmVkYXV0aGNvbnRleHQ6Ly8qIjp7IkF1dGgvQXV0aCI6W3"
                + "siYXV0aF9jb250ZXh0Ijp7ImFjdGlvbklwZnNJZHMiOltdLCJhdXRoTWV0aG9kQ29udGV4dHMiOlt7ImFwcElkIjoibGl0IiwiYXV0"
                + "aE1ldGhvZFR5cGUiOjEsImV4cGlyYXRpb24iOjE3MTc0NDQwMjAsInVzZWRGb3JTaWduU2Vzc2lvbktleVJlcXVlc3QiOnRydWUsIn"
                + "VzZXJJZCI6IjB4MkY2ZjU4NzRhNGQyNTFlMzVDZDc4YjM1NzZDQTkwYkQyZjA1RmUwQiJ9XSwiYXV0aFNpZ0FkZHJlc3MiOm51bGws"
                + "ImN1c3RvbUF1dGhSZXNvdXJjZSI6IiIsInJlc291cmNlcyI6W119fV19fSwicHJmIjpbXX0";
        Recap recap = RecapCodec.decode(urn);
        JsonValue.JsonObject nb = recap.attenuations().get("lit-resolvedauthcontext://*").get("Auth/Auth").get(0);
        assertEquals("{\"auth_context\":{\"actionIpfsIds\":[],\"authMethodContexts\":[{\"appId\":\"lit\","
                + "\"authMethodType\":1,\"expiration\":1717444020,\"usedForSignSessionKeyRequest\":true,"
                + "\"userId\":\"0x2F6f5874a4d251e35Cd78b3576CA90bD2f05Fe0B\"}],\"authSigAddress\":null,"
                + "\"customAuthResource\":\"\",\"resources\":[]}}", JsJson.stringify(nb));
        assertEquals(urn, RecapCodec.encode(recap));
    }

    @Test
    void decode_paddedUrnWithTrailingNewline_accepted() {
        // lit-node-behaviour.md §9.2 V6 (node unit-test recap: padded base64, JSON followed by "\n")
        String urn = "urn:recap:eyJhdHQiOnsibGl0LWFjY2Vzc2NvbnRyb2xjb25kaXRpb246Ly81MjRhNjk3YTQxMGE0MTdmYjk1YTlmNTJkNTdj"
                + "YmE1ZmE3Yzg3YjNhY2QzYjQwOGNmMTQ1NjBmYTUyNjkxMjUxIjp7IiovKiI6W3t9XX19LCJwcmYiOltdfQo=";
        Recap recap = RecapCodec.decode(urn);
        String resource = "lit-accesscontrolcondition://524a697a410a417fb95a9f52d57cba5fa7c87b3acd3b408cf14560fa52691251";
        assertEquals(Map.of(resource, Map.of("*/*", List.of(NONE))), recap.attenuations());
        assertEquals("I further authorize the stated URI to perform the following actions on my behalf: (1) '*': '*' "
                + "for '" + resource + "'.", recap.statement());
    }

    @Test
    void decode_unsortedResources_throwsNodeSIWECapabilityInvalid() {
        assertRefused(urnOf("{\"att\":{\"lit-pkp://*\":{\"Threshold/Signing\":[{}]},"
                + "\"lit-litaction://*\":{\"Threshold/Execution\":[{}]}},\"prf\":[]}"));
    }

    @Test
    void decode_unsortedAbilities_throwsNodeSIWECapabilityInvalid() {
        assertRefused(urnOf("{\"att\":{\"lit-pkp://*\":{\"Threshold/Signing\":[{}],"
                + "\"Threshold/Execution\":[{}]}},\"prf\":[]}"));
    }

    @Test
    void decode_unsortedRestrictionKeys_throwsNodeSIWECapabilityInvalid() {
        assertRefused(urnOf("{\"att\":{\"lit-pkp://*\":{\"Threshold/Signing\":[{\"b\":1,\"a\":2}]}},\"prf\":[]}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Threshold", "Threshold/", "/Signing", "a/b/c", "with a/space", "with/a space",
        "Thresh\u00f6ld/Signing", "Threshold/Sign:ing"})
    void decode_badAbilityKey_throwsNodeSIWECapabilityInvalid(String ability) {
        assertRefused(urnOf("{\"att\":{\"lit-pkp://*\":{" + JsJson.quote(ability) + ":[{}]}},\"prf\":[]}"));
    }

    @Test
    void decode_restrictionNotAnObject_throwsNodeSIWECapabilityInvalid() {
        assertRefused(urnOf("{\"att\":{\"lit-pkp://*\":{\"Threshold/Signing\":[1]}},\"prf\":[]}"));
        assertRefused(urnOf("{\"att\":{\"lit-pkp://*\":{\"Threshold/Signing\":[[]]}},\"prf\":[]}"));
        assertRefused(urnOf("{\"att\":{\"lit-pkp://*\":{\"Threshold/Signing\":[null]}},\"prf\":[]}"));
    }

    @Test
    void decode_restrictionListNotAnArray_throwsNodeSIWECapabilityInvalid() {
        assertRefused(urnOf("{\"att\":{\"lit-pkp://*\":{\"Threshold/Signing\":{}}},\"prf\":[]}"));
    }

    @Test
    void decode_prfNotArray_throwsNodeSIWECapabilityInvalid() {
        assertRefused(urnOf("{\"att\":{},\"prf\":{}}"));
        assertRefused(urnOf("{\"att\":{},\"prf\":[1]}"));
    }

    @Test
    void decode_attNotObject_throwsNodeSIWECapabilityInvalid() {
        assertRefused(urnOf("{\"att\":[],\"prf\":[]}"));
        assertRefused(urnOf("{\"att\":{\"lit-pkp://*\":[]},\"prf\":[]}"));
    }

    @Test
    void decode_missingAttOrPrf_throwsNodeSIWECapabilityInvalid() {
        assertRefused(urnOf("{\"prf\":[]}"));
        assertRefused(urnOf("{\"att\":{}}"));
    }

    @Test
    void decode_notJsonObject_throwsNodeSIWECapabilityInvalid() {
        assertRefused(urnOf("[]"));
        assertRefused(urnOf("{\"att\":{},"));
        assertRefused(urnOf("{\"att\":{},\"att\":{},\"prf\":[]}"));
    }

    @Test
    void decode_notBase64url_throwsNodeSIWECapabilityInvalid() {
        assertRefused("urn:recap:eyJhdHQiOnt9LCJwcmYiOltdfQ!");
        assertRefused("urn:recap:" + Base64.getEncoder().encodeToString(
                "{\"att\":{\"a:?>\":{}},\"prf\":[]}".getBytes(StandardCharsets.UTF_8)));
        assertRefused("urn:recap:e");
        // last character with non-zero unused bits (npm siwe-recap: "Unexpected end of data")
        assertRefused("urn:recap:eyJhdHQiOnt9LCJwcmYiOltdfR");
    }

    @Test
    void decode_emptyUrnPadded_accepted() {
        assertEquals(Recap.empty(), RecapCodec.decode(EMPTY_URN + "=="));
    }

    @Test
    void decode_notUtf8_throwsNodeSIWECapabilityInvalid() {
        assertRefused("urn:recap:" + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {(byte) 0xff}));
    }

    @Test
    void decode_otherPrefix_throwsNodeSIWECapabilityInvalid() {
        assertRefused("urn:recapx:eyJhdHQiOnt9LCJwcmYiOltdfQ");
        assertRefused("lit-pkp://*");
        assertRefused(null);
    }

    @Test
    void isRecapUrn_variousResources_answers() {
        assertTrue(RecapCodec.isRecapUrn(EMPTY_URN));
        assertFalse(RecapCodec.isRecapUrn("https://example.com"));
        assertFalse(RecapCodec.isRecapUrn("URN:RECAP:x"));
    }

    static String urnOf(String json) {
        return "urn:recap:" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(String urn) {
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> RecapCodec.decode(urn));
        assertEquals(LitErrorCode.NodeSIWECapabilityInvalid, e.code());
    }
}
