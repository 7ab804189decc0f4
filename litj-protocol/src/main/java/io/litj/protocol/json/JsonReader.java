package io.litj.protocol.json;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Strict JSON parsing into {@link JsonValue}: RFC 8259 syntax only, duplicate keys rejected, nesting depth and
 * size bounded, exactly one value per text. Errors carry the caller's error code and name the field.
 */
public final class JsonReader {
    /** Deepest nesting accepted; Lit payloads nest about 8 levels. */
    public static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private JsonReader() {
    }

    /**
     * Parses {@code text} as one JSON value.
     *
     * @param code the error code to raise for malformed text
     * @param field the name of the input, used in error messages
     */
    public static JsonValue parse(String text, LitErrorCode code, String field) {
        if (text == null) {
            throw new LitProtocolException(code, field + " is missing");
        }
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new LitProtocolException(code, field + " is empty, expected JSON");
            }
            JsonValue value = read(parser, first, code, field);
            if (parser.nextToken() != null) {
                throw new LitProtocolException(code, field + " has trailing content after the JSON value");
            }
            return value;
        } catch (JacksonException e) {
            throw new LitProtocolException(code, field + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses {@code text} as a JSON object. */
    public static JsonValue.JsonObject parseObject(String text, LitErrorCode code, String field) {
        JsonValue value = parse(text, code, field);
        if (value instanceof JsonValue.JsonObject object) {
            return object;
        }
        throw new LitProtocolException(code, field + " must be a JSON object");
    }

    private static JsonValue read(JsonParser parser, JsonToken token, LitErrorCode code, String field) {
        return switch (token) {
            case START_OBJECT -> {
                LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    members.put(name, read(parser, parser.nextToken(), code, field));
                }
                yield new JsonValue.JsonObject(members);
            }
            case START_ARRAY -> {
                List<JsonValue> items = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    items.add(read(parser, t, code, field));
                }
                yield new JsonValue.JsonArray(items);
            }
            case VALUE_STRING -> new JsonValue.JsonString(parser.getString());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                double d = parser.getDoubleValue();
                if (!Double.isFinite(d)) {
                    String text = parser.getText();
                    throw new LitProtocolException(code, field + " has a number out of range: "
                            + (text.length() <= 64 ? text : text.substring(0, 64) + "…"));
                }
                yield new JsonValue.JsonNumber(d);
            }
            case VALUE_TRUE -> new JsonValue.JsonBoolean(true);
            case VALUE_FALSE -> new JsonValue.JsonBoolean(false);
            case VALUE_NULL -> JsonValue.JsonNull.INSTANCE;
            default -> throw new IllegalStateException("unexpected JSON token " + token);
        };
    }
}
