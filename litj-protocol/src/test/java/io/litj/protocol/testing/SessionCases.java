package io.litj.protocol.testing;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.LitResourcePrefix;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The cases of {@code interop/gen-session-cases.mjs} (the unmodified JS SDK under a frozen clock, see
 * {@code interop/README.md}), made once per test JVM, and the readers and comparisons the tests that replay them
 * share.
 */
public final class SessionCases {
    public static final String SCRIPT = "gen-session-cases.mjs";
    private static final RunOnce<JsonValue.JsonObject> DOCUMENT = new RunOnce<>(() ->
            JsonReader.parseObject(NodeJs.runScript(SCRIPT), LitErrorCode.NodeParserError, SCRIPT + " output"));

    private SessionCases() {
    }

    /** The generator's whole output (skips or fails the caller as {@link NodeJs} does). */
    public static JsonValue.JsonObject document() {
        return DOCUMENT.get();
    }

    /** The cases, in the generator's order. */
    public static List<JsonValue.JsonObject> cases() {
        List<JsonValue.JsonObject> cases = new ArrayList<>();
        for (JsonValue c : JsonAccess.array(document(), "cases")) {
            cases.add((JsonValue.JsonObject) c);
        }
        return cases;
    }

    /** A case's {@code resourceAbilityRequests} ({@code {prefix, resource, ability}} with the raw resource id). */
    public static List<ResourceAbilityRequest> requests(List<JsonValue> raw) {
        List<ResourceAbilityRequest> out = new ArrayList<>();
        for (JsonValue v : raw) {
            JsonValue.JsonObject r = (JsonValue.JsonObject) v;
            String prefix = JsonAccess.string(r, "prefix");
            String id = JsonAccess.string(r, "resource");
            LitResource resource = switch (LitResourcePrefix.of(prefix)
                    .orElseThrow(() -> new IllegalStateException("unknown prefix " + prefix))) {
                case PKP -> LitResource.pkp(id);
                case LIT_ACTION -> LitResource.action(id);
                case ACCESS_CONTROL_CONDITION -> LitResource.accessControlCondition(id);
                case RATE_LIMIT_INCREASE -> LitResource.rateLimitIncrease(id);
                case RESOLVED_AUTH_CONTEXT -> throw new IllegalStateException("clients never request " + prefix);
            };
            String ability = JsonAccess.string(r, "ability");
            out.add(ResourceAbilityRequest.of(resource,
                    LitAbility.of(ability).orElseThrow(() -> new IllegalStateException("unknown ability " + ability))));
        }
        return out;
    }

    /** JavaScript's {@code String(value)} for the string and integer values the cases use (e.g. {@code uses}). */
    public static String jsToString(JsonValue v) {
        return switch (v) {
            case JsonValue.JsonString s -> s.value();
            case JsonValue.JsonNumber n -> new BigDecimal(n.value()).stripTrailingZeros().toPlainString();
            default -> throw new IllegalStateException("unexpected value " + v);
        };
    }

    /** Where two texts first differ, with a little context around it. */
    public static String describeDifference(String expected, String actual) {
        int n = Math.min(expected.length(), actual.length());
        int i = 0;
        while (i < n && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 30);
        return "at index " + i + " (JS length " + expected.length() + ", Java length " + actual.length()
                + "): JS …" + snippet(expected, from, i) + "… Java …" + snippet(actual, from, i) + "…";
    }

    private static String snippet(String text, int from, int at) {
        int to = Math.min(text.length(), at + 40);
        String s = from >= text.length() ? "" : text.substring(from, to);
        return "\"" + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + "\"";
    }
}
