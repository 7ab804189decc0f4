package io.litj.node.http.internal;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonValue;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Reading the members that several endpoints share from a request body ({@code jsParams}, strings, base64 Lit Action
 * code); every refusal is {@code NodeBadInput} naming the member.
 */
final class RequestBodies {
    private RequestBodies() {
    }

    /** {@code jsParams}: absent or null is an empty object; anything but an object is refused. */
    static JsonValue.JsonObject jsParams(JsonValue.JsonObject body) {
        Optional<JsonValue> params = body.get("jsParams");
        if (params.isEmpty() || params.get() instanceof JsonValue.JsonNull) {
            return JsonValue.JsonObject.empty();
        }
        if (params.get() instanceof JsonValue.JsonObject o) {
            return o;
        }
        throw new LitNodeException(LitErrorCode.NodeBadInput, "jsParams must be a JSON object");
    }

    /** True if the member is there and not {@code null}. */
    static boolean present(JsonValue.JsonObject body, String name) {
        return body.get(name).filter(v -> !(v instanceof JsonValue.JsonNull)).isPresent();
    }

    /** A string member that must be there. */
    static String requiredString(JsonValue.JsonObject body, String name) {
        return optionalString(body, name).orElseThrow(() -> new LitNodeException(LitErrorCode.NodeBadInput,
                name + " is missing"));
    }

    /** A string member; absent or {@code null} is empty, another type is refused. */
    static Optional<String> optionalString(JsonValue.JsonObject body, String name) {
        Optional<JsonValue> v = body.get(name);
        if (v.isEmpty() || v.get() instanceof JsonValue.JsonNull) {
            return Optional.empty();
        }
        if (v.get() instanceof JsonValue.JsonString s) {
            return Optional.of(s.value());
        }
        throw new LitNodeException(LitErrorCode.NodeBadInput, name + " must be a string");
    }

    /** The bytes of base64 (standard alphabet) Lit Action code. */
    static byte[] codeBytes(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "code is not base64: " + e.getMessage());
        }
    }

    /** Code bytes as text; refused unless they are UTF-8. */
    static String codeText(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "code is not UTF-8 text");
        }
    }
}
