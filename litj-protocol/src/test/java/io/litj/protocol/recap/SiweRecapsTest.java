package io.litj.protocol.recap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.json.JsonValue;
import io.litj.protocol.siwe.SiweMessage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every expected statement and resource list was produced once with npm siwe-recap@0.0.2-alpha.0
 * {@code Recap.add_to_siwe_message} on siwe@2.3.2 messages (node v20), applying the same recaps in the same order.
 */
class SiweRecapsTest {
    private static final String BASE = "Base statement.";
    private static final String OTHER = "https://example.com/x";
    private static final String PREAMBLE = Recap.STATEMENT_PREAMBLE;
    private static final JsonValue.JsonObject NONE = JsonValue.JsonObject.empty();

    private static final String STEP1_STATEMENT = BASE + " " + PREAMBLE + " (1) 'Threshold': 'Signing' for 'lit-pkp://*'.";
    private static final String STEP1_URN =
            "urn:recap:eyJhdHQiOnsibGl0LXBrcDovLyoiOnsiVGhyZXNob2xkL1NpZ25pbmciOlt7fV19fSwicHJmIjpbXX0";
    private static final String STEP2_STATEMENT = BASE + " " + PREAMBLE
            + " (1) 'Threshold': 'Execution' for 'lit-litaction://*'. (2) 'Threshold': 'Signing' for 'lit-pkp://*'.";
    private static final String STEP2_URN = "urn:recap:eyJhdHQiOnsibGl0LWxpdGFjdGlvbjovLyoiOnsiVGhyZXNob2xkL0V4ZWN1dGlv"
            + "biI6W3t9XX0sImxpdC1wa3A6Ly8qIjp7IlRocmVzaG9sZC9TaWduaW5nIjpbe31dfX0sInByZiI6W119";
    private static final String STEP3_URN = "urn:recap:eyJhdHQiOnsibGl0LWxpdGFjdGlvbjovLyoiOnsiVGhyZXNob2xkL0V4ZWN1dGlv"
            + "biI6W3t9XX0sImxpdC1wa3A6Ly8qIjp7IlRocmVzaG9sZC9TaWduaW5nIjpbeyJhIjoiYiJ9XX19LCJwcmYiOltdfQ";
    private static final String STEP4_URN = "urn:recap:eyJhdHQiOnsibGl0LWxpdGFjdGlvbjovLyoiOnsiVGhyZXNob2xkL0V4ZWN1dGlv"
            + "biI6W3t9XX0sImxpdC1wa3A6Ly8qIjp7IlRocmVzaG9sZC9TaWduaW5nIjpbeyJhIjoiYiJ9LHsiYyI6ImQifV19fSwicHJmIjpbXX0";

    private static Recap one(String resource, String ns, String name, JsonValue.JsonObject nb) {
        return Recap.empty().withAttenuation(resource, ns, name, nb);
    }

    @Test
    void add_firstRecap_appendsStatementAfterSpaceAndUrnAfterOtherResources() {
        SiweRecaps.StatementAndResources out = SiweRecaps.add(Optional.of(BASE), List.of(OTHER),
                one("lit-pkp://*", "Threshold", "Signing", NONE));
        assertEquals(Optional.of(STEP1_STATEMENT), out.statement());
        assertEquals(List.of(OTHER, STEP1_URN), out.resources());
    }

    @Test
    void add_secondRecap_mergesIntoSameUrnAndRewritesStatementSuffix() {
        SiweRecaps.StatementAndResources out = SiweRecaps.add(Optional.of(STEP1_STATEMENT), List.of(OTHER, STEP1_URN),
                one("lit-litaction://*", "Threshold", "Execution", NONE));
        assertEquals(Optional.of(STEP2_STATEMENT), out.statement());
        assertEquals(List.of(OTHER, STEP2_URN), out.resources());
    }

    @Test
    void add_restrictionOnAllEmptyList_replacesIt() {
        SiweRecaps.StatementAndResources out = SiweRecaps.add(Optional.of(STEP2_STATEMENT), List.of(OTHER, STEP2_URN),
                one("lit-pkp://*", "Threshold", "Signing", JsonValue.object().put("a", "b").build()));
        assertEquals(Optional.of(STEP2_STATEMENT), out.statement());
        assertEquals(List.of(OTHER, STEP3_URN), out.resources());
    }

    @Test
    void add_restrictionOnRealRestriction_appendsIt() {
        SiweRecaps.StatementAndResources out = SiweRecaps.add(Optional.of(STEP2_STATEMENT), List.of(OTHER, STEP3_URN),
                one("lit-pkp://*", "Threshold", "Signing", JsonValue.object().put("c", "d").build()));
        assertEquals(Optional.of(STEP2_STATEMENT), out.statement());
        assertEquals(List.of(OTHER, STEP4_URN), out.resources());
    }

    @Test
    void add_noStatementNoResources_statementIsRecapStatementOnly() {
        Recap recap = one("lit-ratelimitincrease://25364", "Auth", "Auth",
                JsonValue.object().put("nft_id", new JsonValue.JsonArray(List.of(new JsonValue.JsonString("25364"))))
                        .build());
        SiweRecaps.StatementAndResources out = SiweRecaps.add(Optional.empty(), List.of(), recap);
        assertEquals(Optional.of(PREAMBLE + " (1) 'Auth': 'Auth' for 'lit-ratelimitincrease://25364'."),
                out.statement());
        assertEquals(List.of(RecapCodecTest.CAPACITY_URN), out.resources());
    }

    @Test
    void add_lastResourceNotARecap_appendsNewUrn() {
        SiweRecaps.StatementAndResources out = SiweRecaps.add(Optional.of(STEP1_STATEMENT),
                List.of(STEP1_URN, OTHER), one("lit-litaction://*", "Threshold", "Execution", NONE));
        assertEquals(Optional.of(STEP1_STATEMENT + " " + PREAMBLE
                + " (1) 'Threshold': 'Execution' for 'lit-litaction://*'."), out.statement());
        assertEquals(3, out.resources().size());
        assertEquals(List.of(STEP1_URN, OTHER), out.resources().subList(0, 2));
    }

    @Test
    void add_statementNotEndingWithRecapStatement_appendsNewUrn() {
        SiweRecaps.StatementAndResources out = SiweRecaps.add(Optional.of(BASE), List.of(STEP1_URN),
                one("lit-litaction://*", "Threshold", "Execution", NONE));
        assertEquals(List.of(STEP1_URN, one("lit-litaction://*", "Threshold", "Execution", NONE).toUrn()),
                out.resources());
    }

    @Test
    void add_wholeMessage_matchesJsSdkVector() {
        // js-sdk-v7-wire-format.md §11.1: the SDK adds lit-litaction then lit-pkp to the default statement
        SiweMessage m = SiweMessage.builder().domain("localhost").address("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
                .statement("This is a test statement.  You can put anything you want here.")
                .uri("lit:session:ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c")
                .nonce("0x" + "ab".repeat(32)).issuedAt("2025-01-01T00:00:00.000Z")
                .expirationTime("2025-01-02T00:00:00.000Z").build();
        m = SiweRecaps.add(m, one("lit-litaction://*", "Threshold", "Execution", NONE));
        m = SiweRecaps.add(m, one("lit-pkp://*", "Threshold", "Signing", NONE));
        assertEquals(Optional.of("This is a test statement.  You can put anything you want here. " + PREAMBLE
                + " (1) 'Threshold': 'Execution' for 'lit-litaction://*'. (2) 'Threshold': 'Signing' for "
                + "'lit-pkp://*'."), m.statement());
        assertEquals(List.of(STEP2_URN), m.resources());
    }

    @Test
    void verifiedLast_matchingAndMismatchingStatement_answers() {
        assertTrue(SiweRecaps.verifiedLast(Optional.of(STEP1_STATEMENT), List.of(OTHER, STEP1_URN)).isPresent());
        assertTrue(SiweRecaps.verifiedLast(Optional.of(BASE), List.of(STEP1_URN)).isEmpty());
        assertTrue(SiweRecaps.verifiedLast(Optional.empty(), List.of(STEP1_URN)).isEmpty());
        assertTrue(SiweRecaps.verifiedLast(Optional.of(STEP1_STATEMENT), List.of()).isEmpty());
        assertTrue(SiweRecaps.verifiedLast(Optional.of(STEP1_STATEMENT), List.of("urn:recap:!!")).isEmpty());
    }

    @Test
    void recapUrns_mixedResources_keepsOnlyRecapUrnsInOrder() {
        SiweMessage m = SiweMessage.builder().domain("localhost").address("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
                .uri("lit:session:ab").nonce("abcdefgh").issuedAt("2025-01-01T00:00:00.000Z")
                .resources(List.of(STEP1_URN, OTHER, STEP2_URN)).build();
        assertEquals(List.of(STEP1_URN, STEP2_URN), SiweRecaps.recapUrns(m));
    }
}
