package io.litj.node.testing;

import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Request bodies for {@code POST /web/execute/v1} as the JS SDK sends them. */
public final class ExecuteBodies {
    private ExecuteBodies() {
    }

    /** The base64 of the UTF-8 code. */
    public static String base64(String code) {
        return Base64.getEncoder().encodeToString(code.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code {"code":…,"jsParams":…,"authSig":…,"epoch":1}}. */
    public static JsonValue.JsonObject code(String code, JsonValue.JsonObject jsParams, AuthSig authSig) {
        return JsonValue.object().put("code", base64(code)).put("jsParams", jsParams)
                .put("authSig", authSig.toJson()).put("epoch", new JsonValue.JsonNumber(1)).build();
    }

    /** {@code {"ipfsId":…,"jsParams":{},"authSig":…,"epoch":1}}. */
    public static JsonValue.JsonObject ipfsId(String cid, AuthSig authSig) {
        return JsonValue.object().put("ipfsId", cid).put("jsParams", JsonValue.JsonObject.empty())
                .put("authSig", authSig.toJson()).put("epoch", new JsonValue.JsonNumber(1)).build();
    }
}
