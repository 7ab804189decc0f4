package io.litj.protocol.auth;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The message a session key signs for one node ({@code js-sdk-v7-wire-format.md} §4.5):
 * {@code {"sessionKey","resourceAbilityRequests","capabilities","issuedAt","expiration","nodeAddress"}} in exactly
 * this key order, written with JavaScript {@code JSON.stringify} escaping.
 *
 * <p>Times are kept as their text ({@code issuedAt}/{@code expiration} in {@code toISOString()} form when made
 * here). Parsing ignores unknown top-level members (as nodes do) but reads capabilities strictly.
 */
public record SessionSigPayload(String sessionKey, List<ResourceAbilityRequest> resourceAbilityRequests,
                                List<AuthSig> capabilities, String issuedAt, String expiration,
                                String nodeAddress) {
    public SessionSigPayload {
        Objects.requireNonNull(sessionKey, "sessionKey");
        resourceAbilityRequests = List.copyOf(resourceAbilityRequests);
        capabilities = List.copyOf(capabilities);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiration, "expiration");
        Objects.requireNonNull(nodeAddress, "nodeAddress");
    }

    /** The JSON text that is signed. */
    public String toJsonString() {
        return JsJson.stringify(toJson());
    }

    /** The JSON object, in the JS SDK's key order. */
    public JsonValue.JsonObject toJson() {
        return JsonValue.object().put("sessionKey", sessionKey)
                .put("resourceAbilityRequests", requestsJson(resourceAbilityRequests))
                .put("capabilities", capabilitiesJson(capabilities))
                .put("issuedAt", issuedAt).put("expiration", expiration).put("nodeAddress", nodeAddress).build();
    }

    static JsonValue.JsonArray requestsJson(List<ResourceAbilityRequest> requests) {
        List<JsonValue> items = new ArrayList<>(requests.size());
        requests.forEach(r -> items.add(r.toJson()));
        return new JsonValue.JsonArray(items);
    }

    static JsonValue.JsonArray capabilitiesJson(List<AuthSig> capabilities) {
        List<JsonValue> items = new ArrayList<>(capabilities.size());
        capabilities.forEach(c -> items.add(c.toJson()));
        return new JsonValue.JsonArray(items);
    }

    /**
     * Parses a signed payload.
     *
     * @throws LitProtocolException {@code NodeAuthSigSignedMessageConversionError} naming the bad member
     */
    public static SessionSigPayload parse(String json) {
        LitErrorCode code = LitErrorCode.NodeAuthSigSignedMessageConversionError;
        JsonValue.JsonObject o = JsonReader.parseObject(json, code, "session payload");
        JsonFields f = new JsonFields(o, code, "session payload");
        List<ResourceAbilityRequest> requests = new ArrayList<>();
        List<JsonValue> rawRequests = f.array("resourceAbilityRequests");
        for (int i = 0; i < rawRequests.size(); i++) {
            requests.add(ResourceAbilityRequest.fromJson(rawRequests.get(i), code,
                    "session payload resourceAbilityRequests[" + i + "]"));
        }
        List<AuthSig> capabilities = new ArrayList<>();
        List<JsonValue> rawCaps = f.array("capabilities");
        for (int i = 0; i < rawCaps.size(); i++) {
            capabilities.add(AuthSig.fromJson(rawCaps.get(i), code, "session payload capabilities[" + i + "]"));
        }
        return new SessionSigPayload(f.string("sessionKey"), requests, capabilities, f.string("issuedAt"),
                f.string("expiration"), f.string("nodeAddress"));
    }

    @Override
    public String toString() {
        return "SessionSigPayload[sessionKey=" + SessionKeyPair.fingerprint(sessionKey) + " node=" + nodeAddress
                + " issuedAt=" + issuedAt + " expiration=" + expiration + " resources=" + resourceAbilityRequests
                + " capabilities=" + capabilities.size() + "]";
    }
}
