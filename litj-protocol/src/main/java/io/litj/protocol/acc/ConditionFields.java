package io.litj.protocol.acc;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.json.JsonFields;
import io.litj.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Strict reading of one condition object: unknown members refused, required members present with the right JSON
 * type, names checked against closed lists. Every refusal is {@code NodeParserError} and names the member by its
 * path, e.g. {@code accessControlConditions[2].returnValueTest.comparator}.
 */
final class ConditionFields {
    static final LitErrorCode CODE = LitErrorCode.NodeParserError;

    private final JsonValue.JsonObject object;
    private final JsonFields fields;
    private final String path;

    ConditionFields(JsonValue.JsonObject object, String path, Set<String> allowed) {
        this.object = object;
        this.path = path;
        this.fields = new JsonFields(object, CODE, path).onlyKnown(allowed);
    }

    /** The member {@code name}, which must be an object, read with its own allowed member names. */
    ConditionFields nested(String name, Set<String> allowed) {
        return new ConditionFields(fields.object(name), path + "." + name, allowed);
    }

    /** {@code value}, found at {@code path}, as a condition object with the given member names. */
    static ConditionFields of(JsonValue value, String path, Set<String> allowed) {
        if (value instanceof JsonValue.JsonObject o) {
            return new ConditionFields(o, path, allowed);
        }
        throw new LitProtocolException(CODE, path + " must be an object");
    }

    boolean has(String name) {
        return fields.has(name);
    }

    String string(String name) {
        return fields.string(name);
    }

    JsonValue.JsonObject object(String name) {
        return fields.object(name);
    }

    long nonNegativeInteger(String name) {
        long value = fields.integer(name);
        if (value < 0) {
            throw fail("." + name + " must not be negative");
        }
        return value;
    }

    boolean bool(String name) {
        JsonValue value = object.get(name).orElseThrow(() -> fail(" is missing the field '" + name + "'"));
        if (value instanceof JsonValue.JsonBoolean b) {
            return b.value();
        }
        throw fail("." + name + " must be true or false");
    }

    /** The member {@code name}: an array of strings. */
    List<String> strings(String name) {
        List<String> out = new ArrayList<>();
        List<JsonValue> items = fields.array(name);
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof JsonValue.JsonString s)) {
                throw fail("." + name + "[" + i + "] must be a string");
            }
            out.add(s.value());
        }
        return out;
    }

    /** The member {@code name}: an array of objects, each handed to {@code reader} with its path. */
    <T> List<T> objects(String name, Set<String> allowed, Function<ConditionFields, T> reader) {
        List<T> out = new ArrayList<>();
        List<JsonValue> items = fields.array(name);
        for (int i = 0; i < items.size(); i++) {
            out.add(reader.apply(of(items.get(i), path + "." + name + "[" + i + "]", allowed)));
        }
        return out;
    }

    /** The member {@code name}: a string from {@code allowed}. */
    String oneOf(String name, Set<String> allowed, String what) {
        String value = fields.string(name);
        if (!allowed.contains(value)) {
            throw fail("." + name + " '" + Text.cut(value) + "' is not a known " + what);
        }
        return value;
    }

    ValueComparator comparator() {
        String value = fields.string("comparator");
        return ValueComparator.of(value).orElseThrow(() -> fail(".comparator '" + Text.cut(value)
                + "' is not one of = != > >= < <= contains !contains"));
    }

    /**
     * {@code value}, found at {@code path} in a list of kind {@code in}, as a condition of kind {@code kind}: outside
     * a unified list an optional {@code conditionType} must name {@code kind} (inside one it picked the kind).
     */
    static ConditionFields condition(JsonValue value, String path, Set<String> allowed, ConditionKind in,
            ConditionKind kind) {
        ConditionFields f = of(value, path, allowed);
        if (in != ConditionKind.UNIFIED) {
            f.conditionTypeOf(kind);
        }
        return f;
    }

    /** An optional {@code conditionType} member, which must name {@code kind}. */
    private void conditionTypeOf(ConditionKind kind) {
        if (has("conditionType")) {
            String tag = fields.string("conditionType");
            String expected = kind.conditionType().orElseThrow();
            if (!tag.equals(expected)) {
                throw fail(".conditionType must be '" + expected + "' in " + kind.field() + " but is '"
                        + Text.cut(tag) + "'");
            }
        }
    }

    LitProtocolException fail(String problem) {
        return new LitProtocolException(CODE, path + problem);
    }
}
