package io.litj.protocol.auth;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The session sigs of one session, keyed by node URL exactly as the client holds it (e.g.
 * {@code http://127.0.0.1:7470}); the JS SDK's {@code SessionSigsMap}. Each node receives only its own entry.
 *
 * <p>Security: bearer credentials. {@link #toString()} shows node URLs and the key fingerprint only.
 */
public record SessionSigs(Map<String, SessionSig> byNodeUrl) {
    public SessionSigs {
        byNodeUrl = Collections.unmodifiableMap(new LinkedHashMap<>(byNodeUrl));
    }

    public Optional<SessionSig> forNode(String nodeUrl) {
        return Optional.ofNullable(byNodeUrl.get(nodeUrl));
    }

    /** {@code JSON.stringify} of the map. */
    public String toJsonString() {
        JsonValue.ObjectBuilder b = JsonValue.object();
        byNodeUrl.forEach((url, sig) -> b.put(url, sig.toAuthSig().toJson()));
        return JsJson.stringify(b.build());
    }

    /** Parses a {@code SessionSigsMap} JSON text. */
    public static SessionSigs parse(String json) {
        LitErrorCode code = LitErrorCode.InvalidSessionSigs;
        JsonValue value = JsonReader.parse(json, code, "session sigs");
        if (!(value instanceof JsonValue.JsonObject o)) {
            throw new LitProtocolException(code, "session sigs must be a JSON object keyed by node URL");
        }
        Map<String, SessionSig> out = new LinkedHashMap<>();
        o.members().forEach((url, sig) ->
                out.put(url, SessionSig.fromAuthSig(AuthSig.fromJson(sig, code, "session sig for " + url))));
        return new SessionSigs(out);
    }

    @Override
    public String toString() {
        String key = byNodeUrl.values().stream().findFirst().map(s -> SessionKeyPair.fingerprint(s.address()))
                .orElse("-");
        return "SessionSigs[key=" + key + " nodes=" + byNodeUrl.keySet() + "]";
    }
}
