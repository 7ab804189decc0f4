package io.litj.protocol.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable JSON value with JavaScript semantics: objects keep insertion order, numbers are IEEE doubles.
 * Produced by {@link JsonReader}, written by {@link JsJson}.
 */
public sealed interface JsonValue {

    /** A JSON object; member order is the order of insertion (or of the parsed text). */
    record JsonObject(Map<String, JsonValue> members) implements JsonValue {
        public JsonObject {
            Objects.requireNonNull(members, "members");
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        public static JsonObject empty() {
            return new JsonObject(Map.of());
        }

        public Optional<JsonValue> get(String name) {
            return Optional.ofNullable(members.get(name));
        }

        public boolean isEmpty() {
            return members.isEmpty();
        }
    }

    /** A JSON array. */
    record JsonArray(List<JsonValue> items) implements JsonValue {
        public JsonArray {
            items = List.copyOf(items);
        }
    }

    /** A JSON string. */
    record JsonString(String value) implements JsonValue {
        public JsonString {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A JSON number, held as JavaScript holds it. */
    record JsonNumber(double value) implements JsonValue {
        public JsonNumber {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("JSON numbers are finite");
            }
        }
    }

    /** {@code true} or {@code false}. */
    record JsonBoolean(boolean value) implements JsonValue {
    }

    /** {@code null}. */
    enum JsonNull implements JsonValue {
        INSTANCE
    }

    /** A builder for an object with members in the order they are added. */
    static ObjectBuilder object() {
        return new ObjectBuilder();
    }

    /** Builds a {@link JsonObject} in insertion order. */
    final class ObjectBuilder {
        private final LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();

        private ObjectBuilder() {
        }

        public ObjectBuilder put(String name, JsonValue value) {
            members.put(name, Objects.requireNonNull(value, name));
            return this;
        }

        public ObjectBuilder put(String name, String value) {
            return put(name, new JsonString(value));
        }

        public JsonObject build() {
            return new JsonObject(members);
        }
    }
}
