package io.litj.protocol.json;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Typed access to the members of a parsed {@link JsonValue.JsonObject}, raising one error code with a message that
 * names the object and the member.
 */
public final class JsonFields {
    private final JsonValue.JsonObject object;
    private final LitErrorCode code;
    private final String where;

    public JsonFields(JsonValue.JsonObject object, LitErrorCode code, String where) {
        this.object = object;
        this.code = code;
        this.where = where;
    }

    /** Rejects members whose names are not in {@code allowed}. */
    public JsonFields onlyKnown(Set<String> allowed) {
        for (String name : object.members().keySet()) {
            if (!allowed.contains(name)) {
                throw fail("has an unknown field '" + Text.cut(name) + "'");
            }
        }
        return this;
    }

    /** True if the object has a member called {@code name}. */
    public boolean has(String name) {
        return object.members().containsKey(name);
    }

    public String string(String name) {
        return optionalString(name).orElseThrow(() -> fail("is missing the field '" + name + "'"));
    }

    public Optional<String> optionalString(String name) {
        Optional<JsonValue> value = object.get(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof JsonValue.JsonString s) {
            return Optional.of(s.value());
        }
        throw fail("field '" + name + "' must be a string");
    }

    /** A member that must be an integral JSON number. */
    public long integer(String name) {
        JsonValue value = object.get(name).orElseThrow(() -> fail("is missing the field '" + name + "'"));
        if (value instanceof JsonValue.JsonNumber n && n.value() == Math.rint(n.value())
                && Math.abs(n.value()) <= 9007199254740991d) {
            return (long) n.value();
        }
        throw fail("field '" + name + "' must be an integer");
    }

    public List<JsonValue> array(String name) {
        JsonValue value = object.get(name).orElseThrow(() -> fail("is missing the field '" + name + "'"));
        if (value instanceof JsonValue.JsonArray a) {
            return a.items();
        }
        throw fail("field '" + name + "' must be an array");
    }

    public JsonValue.JsonObject object(String name) {
        JsonValue value = object.get(name).orElseThrow(() -> fail("is missing the field '" + name + "'"));
        return asObject(value, name);
    }

    /** {@code value} as an object, or an error naming {@code what}. */
    public JsonValue.JsonObject asObject(JsonValue value, String what) {
        if (value instanceof JsonValue.JsonObject o) {
            return o;
        }
        throw fail("field '" + what + "' must be an object");
    }

    public LitProtocolException fail(String problem) {
        return new LitProtocolException(code, where + " " + problem);
    }
}
