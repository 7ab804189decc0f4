package io.litj.protocol.siwe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Positive texts are real signed messages (JS SDK 7.4.0 fixed vector; {@code lit-node-behaviour.md} §9.2 V2 and V4)
 * or siwe@2.3.2 {@code prepareMessage()} output; each refusal breaks one rule of EIP-4361 / siwe-rs 0.5.2
 * ({@code lit-node-behaviour.md} §2.6) in an otherwise valid message.
 */
class SiweParserTest {
    /** siwe@2.3.2 prepareMessage() of a message without statement (generated once with node). */
    static final String NO_STATEMENT = "example.com wants you to sign in with your Ethereum account:\n"
            + "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\n\n\n"
            + "URI: lit:session:abcd\nVersion: 1\nChain ID: 1\nNonce: abcdefgh12345678\n"
            + "Issued At: 2025-01-01T00:00:00.000Z";
    /** siwe@2.3.2 prepareMessage() with every optional field (generated once with node). */
    static final String ALL_FIELDS = "example.com wants you to sign in with your Ethereum account:\n"
            + "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\n\nHello\n\n"
            + "URI: lit:session:abcd\nVersion: 1\nChain ID: 1\nNonce: abcdefgh12345678\n"
            + "Issued At: 2025-01-01T00:00:00.000Z\nExpiration Time: 2025-01-02T00:00:00.000Z\n"
            + "Not Before: 2024-12-31T00:00:00Z\nRequest ID: req-1\nResources:\n- https://example.com/a\n"
            + "- urn:recap:eyJhdHQiOnt9LCJwcmYiOltdfQ";
    /** lit-node-behaviour.md §9.2 V2: a node-built SIWE (whole-second Issued At, repeated preamble). */
    static final String NODE_V2 = "litprotocol.com wants you to sign in with your Ethereum account:\n"
            + "0x7f2e96c99F9551915DA9e9F828F512330f130acB\n\nLit Protocol PKP session signature I further authorize "
            + "the stated URI to perform the following actions on my behalf: I further authorize the stated URI to "
            + "perform the following actions on my behalf: (1) 'Threshold': 'Execution' for 'lit-litaction://*'. (2) "
            + "'Threshold': 'Signing' for 'lit-pkp://*'. I further authorize the stated URI to perform the following "
            + "actions on my behalf: (1) 'Threshold': 'Execution' for 'lit-litaction://*'. (2) 'Threshold': 'Signing' "
            + "for 'lit-pkp://*'. (3) 'Auth': 'Auth' for 'lit-resolvedauthcontext://*'.\n\n"
            + "URI: lit:session:73e09d1ad1faa329bef12ebaf9b982d2925746e3677cabd4b6b7196096a6ee02\nVersion: 1\n"
            + "Chain ID: 1\nNonce: 0xa5f18dbc0fa2080649042ab8cb6cef3b246c20c15b62482ba43fb4ca2a4642cb\n"
            + "Issued At: 2024-04-25T02:09:35Z\nExpiration Time: 2024-04-26T02:09:50.822Z\nResources:\n"
            + "- urn:recap:eyJhdHQiOnsibGl0LWxpdGFjdGlvbjovLyoiOnsiVGhyZXNob2xkL0V4ZWN1dGlvbiI6W3t9XX0sImxpdC1wa3A6"
            + "Ly8qIjp7IlRocmVzaG9sZC9TaWduaW5nIjpbe31dfSwibGl0LXJlc29sdmVkYXV0aGNvbnRleHQ6Ly8qIjp7IkF1dGgvQXV0aCI6W3"
            + "siYXV0aF9jb250ZXh0Ijp7ImFjdGlvbklwZnNJZHMiOlsiUW1ZM3F1bjlxWDNmVUJIVmZyQTlmM3Y5UnB5eVBvOFJIRXVFTjFYWVB"
            + "xMVByQSJdLCJhdXRoTWV0aG9kQ29udGV4dHMiOlt7ImFwcElkIjoibGl0IiwiYXV0aE1ldGhvZFR5cGUiOjEsImV4cGlyYXRpb24i"
            + "OjE3MTQwOTczODYsInVzZWRGb3JTaWduU2Vzc2lvbktleVJlcXVlc3QiOnRydWUsInVzZXJJZCI6IjB4NzA5OTc5NzBDNTE4MTJkYz"
            + "NBMDEwQzdkMDFiNTBlMGQxN2RjNzlDOCJ9XSwiYXV0aFNpZ0FkZHJlc3MiOm51bGwsInJlc291cmNlcyI6W119fV19fSwicHJmIjpb"
            + "XX0";

    @Test
    void parse_jsSdkSessionGrantVector_fieldsMatchSpec() {
        SiweMessage m = SiweParser.parse(SiweVectors.sessionGrant());
        // values from js-sdk-v7-wire-format.md §11.1
        assertEquals("localhost", m.domain());
        assertEquals("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", m.address());
        assertEquals(Optional.of("This is a test statement.  You can put anything you want here. I further authorize "
                + "the stated URI to perform the following actions on my behalf: (1) 'Threshold': 'Execution' for "
                + "'lit-litaction://*'. (2) 'Threshold': 'Signing' for 'lit-pkp://*'."), m.statement());
        assertEquals("lit:session:ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c", m.uri());
        assertEquals("1", m.version());
        assertEquals(1, m.chainId());
        assertEquals("0x" + "ab".repeat(32), m.nonce());
        assertEquals("2025-01-01T00:00:00.000Z", m.issuedAt());
        assertEquals(Optional.of("2025-01-02T00:00:00.000Z"), m.expirationTime());
        assertEquals(Optional.empty(), m.notBefore());
        assertEquals(List.of("urn:recap:eyJhdHQiOnsibGl0LWxpdGFjdGlvbjovLyoiOnsiVGhyZXNob2xkL0V4ZWN1dGlvbiI6W3t9XX0s"
                + "ImxpdC1wa3A6Ly8qIjp7IlRocmVzaG9sZC9TaWduaW5nIjpbe31dfX0sInByZiI6W119"), m.resources());
    }

    @Test
    void parse_jsSdkVectors_reRenderIdentically() {
        for (String text : List.of(SiweVectors.sessionGrant(), SiweVectors.capacityDelegation(), NODE_V2,
                SiweVectors.V4_MESSAGE, NO_STATEMENT, ALL_FIELDS)) {
            assertEquals(text, SiweRenderer.render(SiweParser.parse(text)));
        }
    }

    @Test
    void parse_noStatementForm_hasNoStatement() {
        SiweMessage m = SiweParser.parse(NO_STATEMENT);
        assertEquals(Optional.empty(), m.statement());
        assertEquals(List.of(), m.resources());
        assertEquals(Optional.empty(), m.expirationTime());
    }

    @Test
    void parse_allOptionalFields_readsEach() {
        SiweMessage m = SiweParser.parse(ALL_FIELDS);
        assertEquals(Optional.of("Hello"), m.statement());
        assertEquals(Optional.of("2024-12-31T00:00:00Z"), m.notBefore());
        assertEquals(Optional.of("req-1"), m.requestId());
        assertEquals(List.of("https://example.com/a", "urn:recap:eyJhdHQiOnt9LCJwcmYiOltdfQ"), m.resources());
    }

    @Test
    void parse_schemeForm_keepsScheme() {
        // siwe@2.3.2 prepareMessage() with scheme "https" (generated once with node)
        String text = "https://" + NO_STATEMENT;
        SiweMessage m = SiweParser.parse(text);
        assertEquals(Optional.of("https"), m.scheme());
        assertEquals("example.com", m.domain());
        assertEquals(text, SiweRenderer.render(m));
    }

    @Test
    void parse_lowercaseAddress_throwsNodeSIWEMessageError() {
        assertRefused(NO_STATEMENT.replace("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
                "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"));
    }

    @Test
    void parse_badChecksumAddress_throwsNodeSIWEMessageError() {
        assertRefused(NO_STATEMENT.replace("0xf39Fd6e5", "0xF39Fd6e5"));
    }

    @Test
    void parse_nonceOfSevenCharacters_throwsNodeSIWEMessageError() {
        assertRefused(NO_STATEMENT.replace("Nonce: abcdefgh12345678", "Nonce: abcdefg"));
    }

    @Test
    void parse_nonceWithDash_throwsNodeSIWEMessageError() {
        assertRefused(NO_STATEMENT.replace("Nonce: abcdefgh12345678", "Nonce: abcd-efgh-1234"));
    }

    @Test
    void parse_impossibleDate_throwsNodeSIWEMessageError() {
        assertRefused(NO_STATEMENT.replace("2025-01-01T00:00:00.000Z", "2025-02-30T00:00:00.000Z"));
    }

    @Test
    void parse_badExpirationTime_throwsNodeSIWEMessageError() {
        assertRefused(ALL_FIELDS.replace("Expiration Time: 2025-01-02T00:00:00.000Z", "Expiration Time: tomorrow"));
    }

    @Test
    void parse_missingIssuedAt_throwsNodeSIWEMessageError() {
        assertRefused(NO_STATEMENT.replace("\nIssued At: 2025-01-01T00:00:00.000Z", ""));
    }

    @Test
    void parse_extraLineAtEnd_throwsNodeSIWEMessageError() {
        assertRefused(NO_STATEMENT + "\nFoo: bar");
    }

    @Test
    void parse_trailingNewline_throwsNodeSIWEMessageError() {
        assertRefused(NO_STATEMENT + "\n");
    }

    @Test
    void parse_resourcesHeaderWithoutItems_throwsNodeSIWEMessageError() {
        assertRefused(NO_STATEMENT + "\nResources:");
    }

    @Test
    void parse_resourceLineWithoutDash_throwsNodeSIWEMessageError() {
        assertRefused(NO_STATEMENT + "\nResources:\nhttps://example.com");
    }

    @Test
    void parse_version2_throwsNodeSIWEMessageError() {
        assertRefused(NO_STATEMENT.replace("Version: 1", "Version: 2"));
    }

    @Test
    void parse_statementWithControlCharacter_throwsNodeSIWEMessageError() {
        assertRefused(ALL_FIELDS.replace("\nHello\n", "\nHel\u0007lo\n"));
        assertRefused(ALL_FIELDS.replace("\nHello\n", "\nHello\r\n"));
    }

    @Test
    void parse_twoLineStatement_throwsNodeSIWEMessageError() {
        assertRefused(ALL_FIELDS.replace("\nHello\n", "\nHello\nWorld\n"));
    }

    @Test
    void parse_crlfLineEnds_throwsNodeSIWEMessageError() {
        assertRefused(NO_STATEMENT.replace("\n", "\r\n"));
    }

    @Test
    void parse_fieldsOutOfOrder_throwsNodeSIWEMessageError() {
        assertRefused(NO_STATEMENT.replace("Version: 1\nChain ID: 1", "Chain ID: 1\nVersion: 1"));
    }

    @Test
    void parse_chainIdWithLeadingZero_throwsNodeSIWEMessageError() {
        assertRefused(NO_STATEMENT.replace("Chain ID: 1", "Chain ID: 01"));
    }

    @Test
    void parse_chainIdBeyondLong_throwsNodeSIWEMessageError() {
        assertRefused(NO_STATEMENT.replace("Chain ID: 1", "Chain ID: 9999999999999999999"));
    }

    @Test
    void parse_chainIdLongMax_accepted() {
        assertEquals(Long.MAX_VALUE,
                SiweParser.parse(NO_STATEMENT.replace("Chain ID: 1", "Chain ID: 9223372036854775807")).chainId());
    }

    @Test
    void parse_badHeader_throwsNodeSIWEMessageError() {
        assertRefused(NO_STATEMENT.replace("wants you to sign in", "wants you to log in"));
    }

    @Test
    void parse_emptyDomain_throwsNodeSIWEMessageError() {
        assertRefused(NO_STATEMENT.replace("example.com wants", " wants"));
    }

    @Test
    void parse_uriNotAUri_throwsNodeSIWEMessageError() {
        assertRefused(NO_STATEMENT.replace("URI: lit:session:abcd", "URI: not a uri"));
    }

    @Test
    void parse_resourceNotAUri_throwsNodeSIWEMessageError() {
        assertRefused(NO_STATEMENT + "\nResources:\n- has space");
    }

    @Test
    void parse_truncatedMessage_throwsNodeSIWEMessageError() {
        assertRefused("example.com wants you to sign in with your Ethereum account:");
        assertRefused("");
    }

    @Test
    void parse_null_throwsNodeSIWEMessageError() {
        assertRefused(null);
    }

    private static void assertRefused(String text) {
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> SiweParser.parse(text));
        assertEquals(LitErrorCode.NodeSIWEMessageError, e.code());
        assertTrue(e.getMessage().startsWith("SIWE "), e.getMessage());
    }
}
