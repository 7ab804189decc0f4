package io.litj.protocol.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.json.JsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PKP id formatting: expected keys and JSON were produced once with {@code @lit-protocol/auth-helpers@7.4.0}
 * {@code new LitPKPResource(id)} ({@code getResourceKey()}, {@code JSON.stringify}) under node v20.
 */
class LitResourceTest {

    @ParameterizedTest
    @CsvSource({
        "0x1234, 0000000000000000000000000000000000000000000000000000000000001234",
        "*, *",
        "0xABCdef, 0000000000000000000000000000000000000000000000000000000000ABCdef",
        "12345, 0000000000000000000000000000000000000000000000000000000000012345",
        "xyz-1, xyz-1",
        "g123, g123",
        "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, "
                + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "'', ''",
    })
    void formatPkpId_jsSdkCases_matchLitPkpResource(String input, String expected) {
        assertEquals(expected, LitResource.formatPkpId(input));
        assertEquals("lit-pkp://" + expected, LitResource.pkp(input).key());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",   // 65 hex
        "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", // 0x + 65 hex
        "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",   // 65 non-hex
    })
    void formatPkpId_over64Characters_throwsInvalidArgument(String input) {
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> LitResource.formatPkpId(input));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().contains("64"), e.getMessage());
    }

    @Test
    void toJson_pkpWildcard_matchesJsSerialisation() {
        // JSON.stringify(new LitPKPResource('*')) without the class-only members, as sent in resourceAbilityRequests
        assertEquals("{\"resource\":\"*\",\"resourcePrefix\":\"lit-pkp\"}",
                JsJson.stringify(LitResource.pkp("*").toJson()));
        assertEquals("{\"resource\":\"0000000000000000000000000000000000000000000000000000000000001234\","
                + "\"resourcePrefix\":\"lit-pkp\"}", JsJson.stringify(LitResource.pkp("0x1234").toJson()));
    }

    @Test
    void factories_eachPrefix_writeKeyAndWildcardKey() {
        assertEquals("lit-litaction://QmAbc", LitResource.action("QmAbc").key());
        assertEquals("lit-litaction://*", LitResource.action("QmAbc").wildcardKey());
        assertEquals("lit-accesscontrolcondition://ab/cd", LitResource.accessControlCondition("ab/cd").key());
        assertEquals("lit-ratelimitincrease://25364", LitResource.rateLimitIncrease("25364").key());
        assertEquals("lit-resolvedauthcontext://*", LitResource.resolvedAuthContext().key());
        assertEquals("lit-pkp://*", LitResource.pkp("0x1234").wildcardKey());
        assertEquals("lit-pkp://*", LitResource.pkp("*").toString());
    }

    @Test
    void nonPkpIds_keptAsGiven() {
        // only PKP ids are normalised; capacity token ids stay decimal, CIDs keep case
        assertEquals("1234", LitResource.rateLimitIncrease("1234").id());
        assertEquals("0x1234", LitResource.action("0x1234").id());
    }

    @Test
    void isWildcard_starAndOther_answers() {
        assertTrue(LitResource.action("*").isWildcard());
        assertFalse(LitResource.action("QmAbc").isWildcard());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "it's"})
    void constructor_lineBreakOrQuoteInId_throwsInvalidArgument(String id) {
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitProtocolException.class,
                () -> LitResource.action(id)).code());
    }

    @ParameterizedTest
    @CsvSource({
        "lit-pkp://*, PKP, *",
        "lit-pkp://0x1234, PKP, 0000000000000000000000000000000000000000000000000000000000001234",
        "lit-pkp://1234, PKP, 0000000000000000000000000000000000000000000000000000000000001234",
        "lit-litaction://QmAbc, LIT_ACTION, QmAbc",
        "lit-accesscontrolcondition://ab/cd, ACCESS_CONTROL_CONDITION, ab/cd",
        "lit-ratelimitincrease://25364, RATE_LIMIT_INCREASE, 25364",
        "lit-resolvedauthcontext://*, RESOLVED_AUTH_CONTEXT, *",
        "lit-litaction://, LIT_ACTION, ''",
    })
    void parseKey_knownPrefix_splitsPrefixAndId(String key, LitResourcePrefix prefix, String id) {
        LitResource r = LitResource.parseKey(key);
        assertEquals(prefix, r.prefix());
        assertEquals(id, r.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lit-foo://x", "LIT-PKP://*", "lit-pkp:*", "lit-pkp", "", "://x"})
    void parseKey_unknownPrefixOrNoSeparator_throwsInvalidArgument(String key) {
        assertEquals(LitErrorCode.InvalidArgument, assertThrows(LitProtocolException.class,
                () -> LitResource.parseKey(key)).code());
    }

    @Test
    void prefix_userFacing_excludesResolvedAuthContext() {
        assertTrue(LitResourcePrefix.PKP.userFacing());
        assertFalse(LitResourcePrefix.RESOLVED_AUTH_CONTEXT.userFacing());
        assertEquals(java.util.Optional.of(LitResourcePrefix.LIT_ACTION), LitResourcePrefix.of("lit-litaction"));
        assertEquals(java.util.Optional.empty(), LitResourcePrefix.of("litAction"));
    }
}
