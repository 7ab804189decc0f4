package io.litj.node.http.internal;

import io.litj.protocol.acc.ConditionKind;
import io.litj.protocol.acc.ConditionSet;
import io.litj.protocol.crypto.Base64Url;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The unsigned JWT of {@code /web/signing/access_control_condition} as Datil builds it ({@code jwt/mod.rs},
 * {@code lit-node-behaviour.md} §1.6): base64url without padding of the header {@code {"alg":"BLS12-381","typ":"JWT"}},
 * a dot, base64url without padding of the payload {@code {"iss":"LIT","sub":…,"chain":…,"iat":…,"exp":…,
 * "accessControlConditions":…,"evmContractConditions":…,"solRpcConditions":…,"unifiedAccessControlConditions":…}}
 * in that order; the request's condition kind holds its canonical list, the three others {@code null}, as does an
 * absent {@code chain}. litj: {@code sub} is the proven caller's address (EIP-55), where Datil puts the outer auth
 * sig's {@code address} (for a session sig: the session key).
 */
final class UnsignedJwt {
    static final String HEADER = "{\"alg\":\"BLS12-381\",\"typ\":\"JWT\"}";

    private UnsignedJwt() {
    }

    static String of(EthAddress subject, Optional<String> chain, long iat, long exp, ConditionSet set) {
        JsonValue.ObjectBuilder payload = JsonValue.object()
                .put("iss", "LIT")
                .put("sub", subject.toChecksumString())
                .put("chain", chain.<JsonValue>map(JsonValue.JsonString::new).orElse(JsonValue.JsonNull.INSTANCE))
                .put("iat", new JsonValue.JsonNumber(iat))
                .put("exp", new JsonValue.JsonNumber(exp));
        for (ConditionKind kind : ConditionKind.values()) {
            payload.put(kind.field(), kind == set.kind() ? set.canonicalArray() : JsonValue.JsonNull.INSTANCE);
        }
        return part(HEADER) + "." + part(JsJson.stringify(payload.build()));
    }

    private static String part(String json) {
        return Base64Url.encode(json.getBytes(StandardCharsets.UTF_8));
    }
}
