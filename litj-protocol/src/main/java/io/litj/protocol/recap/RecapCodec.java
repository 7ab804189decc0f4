package io.litj.protocol.recap;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.crypto.Base64Url;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ReCap URNs: {@code "urn:recap:" + base64url-no-pad(UTF-8(RFC 8785 JSON of {"att":…,"prf":[…]}))}.
 *
 * <p>Decoding is as strict as npm {@code siwe-recap}'s: {@code att} must be an object of objects, every ability
 * key {@code Namespace/Name}, every restriction list an array of objects, {@code prf} an array of strings, and the
 * keys of every object (at any depth) in sorted order. Base64url padding is tolerated, as the libraries do.
 *
 * <p>Errors: {@code NodeSIWECapabilityInvalid} saying what is wrong.
 */
public final class RecapCodec {
    public static final String URN_PREFIX = "urn:recap:";

    private RecapCodec() {
    }

    /** The URN of {@code recap}. */
    public static String encode(Recap recap) {
        Map<String, JsonValue> att = new LinkedHashMap<>();
        recap.attenuations().forEach((resource, abilities) -> {
            Map<String, JsonValue> abs = new LinkedHashMap<>();
            abilities.forEach((ability, list) -> abs.put(ability, new JsonValue.JsonArray(List.copyOf(list))));
            att.put(resource, new JsonValue.JsonObject(abs));
        });
        List<JsonValue> prf = new ArrayList<>();
        recap.proofs().forEach(p -> prf.add(new JsonValue.JsonString(p)));
        JsonValue.JsonObject root = JsonValue.object().put("att", new JsonValue.JsonObject(att))
                .put("prf", new JsonValue.JsonArray(prf)).build();
        return URN_PREFIX + Base64Url.encode(JsJson.canonicalize(root).getBytes(StandardCharsets.UTF_8));
    }

    /** True if {@code resource} starts with {@code urn:recap:}. */
    public static boolean isRecapUrn(String resource) {
        return resource.startsWith(URN_PREFIX);
    }

    /** Decodes a ReCap URN. */
    public static Recap decode(String urn) {
        if (urn == null || !urn.startsWith(URN_PREFIX)) {
            throw fail("resource is not a urn:recap: URI");
        }
        String body = urn.substring(URN_PREFIX.length());
        if (body.indexOf('+') >= 0 || body.indexOf('/') >= 0) {
            throw fail("ReCap URN is not base64url");
        }
        byte[] raw;
        try {
            raw = Base64Url.decode(body, "ReCap URN");
        } catch (LitProtocolException e) {
            throw fail(e.getMessage());
        }
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw fail("ReCap URN is not UTF-8");
        }
        JsonValue.JsonObject root = JsonReader.parseObject(json, LitErrorCode.NodeSIWECapabilityInvalid, "ReCap");
        if (!isSorted(root)) {
            throw fail("ReCap attenuation object is not properly sorted");
        }
        for (String key : root.members().keySet()) {
            if (!key.equals("att") && !key.equals("prf")) {
                throw fail("ReCap has an unknown field '" + Text.cut(key) + "'");
            }
        }
        return new Recap(attenuations(root.get("att").orElseThrow(() -> fail("ReCap has no 'att'"))),
                proofs(root.get("prf").orElseThrow(() -> fail("ReCap has no 'prf'"))));
    }

    private static Map<String, Map<String, List<JsonValue.JsonObject>>> attenuations(JsonValue att) {
        if (!(att instanceof JsonValue.JsonObject attObject)) {
            throw fail("ReCap 'att' must be an object");
        }
        Map<String, Map<String, List<JsonValue.JsonObject>>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> r : attObject.members().entrySet()) {
            if (!(r.getValue() instanceof JsonValue.JsonObject abilities)) {
                throw fail("ReCap attenuation for '" + Text.cut(r.getKey()) + "' must be an object");
            }
            Map<String, List<JsonValue.JsonObject>> abs = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> a : abilities.members().entrySet()) {
                if (!Recap.isValidAbility(a.getKey())) {
                    throw fail("ReCap ability string '" + Text.cut(a.getKey()) + "' is invalid");
                }
                abs.put(a.getKey(), restrictions(a.getKey(), a.getValue()));
            }
            out.put(r.getKey(), abs);
        }
        return out;
    }

    private static List<JsonValue.JsonObject> restrictions(String ability, JsonValue value) {
        if (!(value instanceof JsonValue.JsonArray array)) {
            throw fail("ReCap nota-bene list for '" + Text.cut(ability) + "' must be an array");
        }
        List<JsonValue.JsonObject> out = new ArrayList<>();
        for (JsonValue item : array.items()) {
            if (!(item instanceof JsonValue.JsonObject o)) {
                throw fail("ReCap nota-bene list for '" + Text.cut(ability) + "' must hold objects");
            }
            out.add(o);
        }
        return out;
    }

    private static List<String> proofs(JsonValue prf) {
        if (!(prf instanceof JsonValue.JsonArray array)) {
            throw fail("ReCap 'prf' must be an array");
        }
        List<String> out = new ArrayList<>();
        for (JsonValue item : array.items()) {
            if (!(item instanceof JsonValue.JsonString s)) {
                throw fail("ReCap 'prf' must hold strings");
            }
            out.add(s.value());
        }
        return out;
    }

    private static boolean isSorted(JsonValue value) {
        return switch (value) {
            case JsonValue.JsonObject o -> {
                String previous = null;
                for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                    if (previous != null && previous.compareTo(e.getKey()) > 0) {
                        yield false;
                    }
                    previous = e.getKey();
                    if (!isSorted(e.getValue())) {
                        yield false;
                    }
                }
                yield true;
            }
            case JsonValue.JsonArray a -> a.items().stream().allMatch(RecapCodec::isSorted);
            default -> true;
        };
    }

    private static LitProtocolException fail(String problem) {
        return new LitProtocolException(LitErrorCode.NodeSIWECapabilityInvalid, problem);
    }
}
