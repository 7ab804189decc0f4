package io.litj.protocol.testing;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads golden vectors from {@code src/test/resources/vectors/<origin>/}. */
public final class Vectors {
    private Vectors() {
    }

    public static String text(String path) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + path)) {
            if (in == null) {
                throw new IllegalStateException("no vector file " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonValue.JsonObject json(String path) {
        return JsonReader.parseObject(text(path), LitErrorCode.NodeParserError, path);
    }

    /** The string member at a dotted path of objects. */
    public static String str(JsonValue.JsonObject root, String... path) {
        JsonValue v = root;
        for (String p : path) {
            v = ((JsonValue.JsonObject) v).get(p).orElseThrow(() -> new IllegalStateException("no " + p));
        }
        return ((JsonValue.JsonString) v).value();
    }

    public static JsonValue.JsonObject obj(JsonValue.JsonObject root, String... path) {
        JsonValue v = root;
        for (String p : path) {
            v = ((JsonValue.JsonObject) v).get(p).orElseThrow(() -> new IllegalStateException("no " + p));
        }
        return (JsonValue.JsonObject) v;
    }
}
