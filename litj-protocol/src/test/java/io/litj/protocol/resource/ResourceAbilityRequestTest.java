package io.litj.protocol.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Wire shape from the JS SDK: {@code JSON.stringify({resource: new LitPKPResource('*'), ability: 'pkp-signing'})}
 * (printed once with node) and the {@code resourceAbilityRequests} of {@code vectors/js-sdk-7.4.0/fixed.json}.
 */
class ResourceAbilityRequestTest {

    @Test
    void toJson_pkpWildcard_matchesJsShape() {
        ResourceAbilityRequest r = ResourceAbilityRequest.of(LitResource.pkp("*"), LitAbility.PKP_SIGNING);
        assertEquals("{\"resource\":{\"resource\":\"*\",\"resourcePrefix\":\"lit-pkp\"},\"ability\":\"pkp-signing\"}",
                JsJson.stringify(r.toJson()));
    }

    @Test
    void toJson_litAction_matchesJsShape() {
        ResourceAbilityRequest r = ResourceAbilityRequest.of(LitResource.action("QmAbc"), LitAbility.LIT_ACTION_EXECUTION);
        assertEquals("{\"resource\":{\"resource\":\"QmAbc\",\"resourcePrefix\":\"lit-litaction\"},"
                + "\"ability\":\"lit-action-execution\"}", JsJson.stringify(r.toJson()));
    }

    @Test
    void toJson_withData_appendsDataLast() {
        JsonValue.JsonObject data = JsonValue.object().put("k", "v").build();
        ResourceAbilityRequest r = new ResourceAbilityRequest(LitResource.pkp("*"), LitAbility.PKP_SIGNING,
                Optional.of(data));
        assertEquals("{\"resource\":{\"resource\":\"*\",\"resourcePrefix\":\"lit-pkp\"},\"ability\":\"pkp-signing\","
                + "\"data\":{\"k\":\"v\"}}", JsJson.stringify(r.toJson()));
    }

    @Test
    void fromJson_wireEntry_readsResourceAndAbility() {
        JsonValue v = JsonReader.parse("{\"resource\":{\"resource\":\"*\",\"resourcePrefix\":\"lit-litaction\"},"
                + "\"ability\":\"lit-action-execution\",\"extra\":1}", LitErrorCode.NodeParserError, "t");
        ResourceAbilityRequest r = ResourceAbilityRequest.fromJson(v, LitErrorCode.NodeAuthSigSignedMessageConversionError,
                "resourceAbilityRequests[0]");
        assertEquals(LitResource.action("*"), r.resource());
        assertEquals(LitAbility.LIT_ACTION_EXECUTION, r.ability());
        assertEquals(Optional.empty(), r.data());
    }

    @Test
    void fromJson_thenToJson_roundTrips() {
        String text = "{\"resource\":{\"resource\":\"abc/def\",\"resourcePrefix\":\"lit-accesscontrolcondition\"},"
                + "\"ability\":\"access-control-condition-decryption\",\"data\":{\"x\":[1]}}";
        ResourceAbilityRequest r = ResourceAbilityRequest.fromJson(
                JsonReader.parse(text, LitErrorCode.NodeParserError, "t"), LitErrorCode.NodeParserError, "r");
        assertEquals(text, JsJson.stringify(r.toJson()));
    }

    @Test
    void fromJson_pkpIdOnWire_keptAsSent() {
        // the node compares ids exactly; a received id is not re-formatted
        JsonValue v = JsonReader.parse("{\"resource\":{\"resource\":\"1234\",\"resourcePrefix\":\"lit-pkp\"},"
                + "\"ability\":\"pkp-signing\"}", LitErrorCode.NodeParserError, "t");
        assertEquals("1234", ResourceAbilityRequest.fromJson(v, LitErrorCode.NodeParserError, "r").resource().id());
    }

    @Test
    void fromJson_unknownPrefix_throwsCallersCode() {
        assertRefused("{\"resource\":{\"resource\":\"*\",\"resourcePrefix\":\"lit-foo\"},\"ability\":\"pkp-signing\"}",
                "unknown resourcePrefix");
    }

    @Test
    void fromJson_unknownAbility_throwsCallersCode() {
        assertRefused("{\"resource\":{\"resource\":\"*\",\"resourcePrefix\":\"lit-pkp\"},\"ability\":\"Threshold/Signing\"}",
                "unknown ability");
    }

    @Test
    void fromJson_missingOrWrongTypedMembers_throwCallersCode() {
        assertRefused("{\"ability\":\"pkp-signing\"}", "resource");
        assertRefused("{\"resource\":{\"resourcePrefix\":\"lit-pkp\"},\"ability\":\"pkp-signing\"}", "resource");
        assertRefused("{\"resource\":\"lit-pkp://*\",\"ability\":\"pkp-signing\"}", "resource");
        assertRefused("{\"resource\":{\"resource\":\"*\",\"resourcePrefix\":\"lit-pkp\"}}", "ability");
        assertRefused("{\"resource\":{\"resource\":\"*\",\"resourcePrefix\":\"lit-pkp\"},\"ability\":\"pkp-signing\","
                + "\"data\":[]}", "data");
        assertRefused("[]", "must be an object");
    }

    @Test
    void fromJson_idWithLineBreak_throwsCallersCode() {
        assertRefused("{\"resource\":{\"resource\":\"a\\nb\",\"resourcePrefix\":\"lit-litaction\"},"
                + "\"ability\":\"lit-action-execution\"}", "line break");
    }

    @Test
    void requireValidPair_abilityOnOtherPrefix_throwsInvalidArgument() {
        ResourceAbilityRequest r = ResourceAbilityRequest.of(LitResource.pkp("*"),
                LitAbility.ACCESS_CONTROL_CONDITION_SIGNING);
        LitProtocolException e = assertThrows(LitProtocolException.class, r::requireValidPair);
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertTrue(e.getMessage().contains("lit-accesscontrolcondition"), e.getMessage());
    }

    @Test
    void requireValidPair_matchingPrefix_returnsSameRequest() {
        ResourceAbilityRequest ok = ResourceAbilityRequest.of(LitResource.pkp("*"), LitAbility.PKP_SIGNING);
        assertSame(ok, ok.requireValidPair());
    }

    @Test
    void toString_request_showsKeyAndAbility() {
        assertEquals("lit-pkp://* pkp-signing",
                ResourceAbilityRequest.of(LitResource.pkp("*"), LitAbility.PKP_SIGNING).toString());
    }

    private static void assertRefused(String json, String messagePart) {
        JsonValue v = JsonReader.parse(json, LitErrorCode.NodeParserError, "t");
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> ResourceAbilityRequest.fromJson(v,
                LitErrorCode.NodeAuthSigSignedMessageConversionError, "resourceAbilityRequests[0]"));
        assertEquals(LitErrorCode.NodeAuthSigSignedMessageConversionError, e.code());
        assertTrue(e.getMessage().startsWith("resourceAbilityRequests[0]"), e.getMessage());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }
}
