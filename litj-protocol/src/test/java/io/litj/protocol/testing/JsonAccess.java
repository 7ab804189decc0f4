package io.litj.protocol.testing;

import io.litj.protocol.Text;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads from JSON documents in tests (script outputs, vectors); a missing or mistyped member fails the test
 * with an {@link AssertionError} that shows where.
 */
public final class JsonAccess {
    /** Documents in failure messages are cut longer than message values: enough to find the spot. */
    private static final int SHOWN_CHARS = 400;

    private JsonAccess() {
    }

    public static JsonValue member(JsonValue.JsonObject o, String key) {
        return o.get(key).orElseThrow(() -> new AssertionError("no '" + key + "' in " + shown(o)));
    }

    /** The object at a path of keys ({@code object(doc, "flows", "connect")}). */
    public static JsonValue.JsonObject object(JsonValue.JsonObject o, String... path) {
        JsonValue.JsonObject at = o;
        for (String key : path) {
            if (!(member(at, key) instanceof JsonValue.JsonObject next)) {
                throw new AssertionError("'" + key + "' is not an object in " + shown(at));
            }
            at = next;
        }
        return at;
    }

    public static String string(JsonValue.JsonObject o, String key) {
        if (member(o, key) instanceof JsonValue.JsonString s) {
            return s.value();
        }
        throw new AssertionError("'" + key + "' is not a string in " + shown(o));
    }

    public static boolean bool(JsonValue.JsonObject o, String key) {
        if (member(o, key) instanceof JsonValue.JsonBoolean b) {
            return b.value();
        }
        throw new AssertionError("'" + key + "' is not a boolean in " + shown(o));
    }

    public static int number(JsonValue.JsonObject o, String key) {
        if (member(o, key) instanceof JsonValue.JsonNumber n && n.value() == Math.rint(n.value())) {
            return (int) n.value();
        }
        throw new AssertionError("'" + key + "' is not an integer in " + shown(o));
    }

    public static List<JsonValue> array(JsonValue.JsonObject o, String key) {
        if (member(o, key) instanceof JsonValue.JsonArray a) {
            return a.items();
        }
        throw new AssertionError("'" + key + "' is not an array in " + shown(o));
    }

    public static List<String> strings(JsonValue.JsonObject o, String key) {
        List<String> out = new ArrayList<>();
        for (JsonValue v : array(o, key)) {
            if (!(v instanceof JsonValue.JsonString s)) {
                throw new AssertionError("'" + key + "' holds a non-string: " + JsJson.stringify(v));
            }
            out.add(s.value());
        }
        return out;
    }

    private static String shown(JsonValue document) {
        return Text.cut(JsJson.stringify(document), SHOWN_CHARS);
    }
}
