package io.litj.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {
    private static final JsonValue.JsonObject OBJECT = JsonReader.parseObject(
            "{\"s\":\"v\",\"n\":1,\"a\":[1],\"o\":{\"k\":\"x\"},\"f\":1.5,\"big\":9007199254740992,"
            + "\"safe\":-9007199254740991}", LitErrorCode.NodeParserError, "t");
    private final JsonFields fields = new JsonFields(OBJECT, LitErrorCode.NodeInvalidAuthSig, "authSig");

    @Test
    void string_present_returnsValue() {
        assertEquals("v", fields.string("s"));
        assertEquals(Optional.of("v"), fields.optionalString("s"));
        assertEquals(Optional.empty(), fields.optionalString("missing"));
    }

    @Test
    void string_missing_throwsCodeNamingObjectAndField() {
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> fields.string("sig"));
        assertEquals(LitErrorCode.NodeInvalidAuthSig, e.code());
        assertEquals("authSig is missing the field 'sig'", e.getMessage());
    }

    @Test
    void string_wrongType_throwsCodeNamingField() {
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> fields.optionalString("n"));
        assertEquals(LitErrorCode.NodeInvalidAuthSig, e.code());
        assertEquals("authSig field 'n' must be a string", e.getMessage());
    }

    @Test
    void array_presentAndWrongType_returnsOrThrows() {
        assertEquals(List.of(new JsonValue.JsonNumber(1)), fields.array("a"));
        assertEquals(LitErrorCode.NodeInvalidAuthSig,
                assertThrows(LitProtocolException.class, () -> fields.array("s")).code());
        assertEquals(LitErrorCode.NodeInvalidAuthSig,
                assertThrows(LitProtocolException.class, () -> fields.array("missing")).code());
    }

    @Test
    void object_presentAndWrongType_returnsOrThrows() {
        assertEquals("x", new JsonFields(fields.object("o"), LitErrorCode.NodeInvalidAuthSig, "o").string("k"));
        LitProtocolException e = assertThrows(LitProtocolException.class, () -> fields.object("a"));
        assertEquals("authSig field 'a' must be an object", e.getMessage());
    }

    @Test
    void onlyKnown_unknownMember_throwsNamingIt() {
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> fields.onlyKnown(Set.of("s", "n", "a", "f", "big", "safe")));
        assertEquals(LitErrorCode.NodeInvalidAuthSig, e.code());
        assertEquals("authSig has an unknown field 'o'", e.getMessage());
    }

    @Test
    void onlyKnown_allKnown_passes() {
        assertEquals(fields, fields.onlyKnown(Set.of("s", "n", "a", "o", "f", "big", "safe", "extra")));
    }

    @Test
    void has_presentAndAbsent_answers() {
        assertTrue(fields.has("n"));
        assertFalse(fields.has("N"));
    }

    @Test
    void integer_integralWithinSafeRange_returnsValue() {
        assertEquals(1L, fields.integer("n"));
        assertEquals(-9007199254740991L, fields.integer("safe"));
    }

    @Test
    void integer_fractionBeyondSafeRangeOrWrongType_throwsCode() {
        for (String name : List.of("f", "big", "s", "missing")) {
            assertEquals(LitErrorCode.NodeInvalidAuthSig,
                    assertThrows(LitProtocolException.class, () -> fields.integer(name)).code(), name);
        }
    }
}
