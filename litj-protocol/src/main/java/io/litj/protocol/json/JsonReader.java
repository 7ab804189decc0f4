package io.litj.protocol.json;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Strict JSON parsing into {@link JsonValue}: RFC 8259 syntax only, duplicate keys rejected, nesting depth and
 * size bounded, exactly one value per text, member names without unpaired surrogates. Errors carry the caller's
 * error code and name the field; no other exception escapes, whatever the text (fuzzed by
 * {@code JsonReaderFuzzTest}).
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

    /**
     * A top-level array member seen by {@link #scanArrays}: its number of items, and the items themselves as long as
     * that number is within the member's limit (else {@code items} holds only the first {@code limit}).
     */
    public record ArrayScan(int size, List<JsonValue> items) {
        public ArrayScan {
            items = List.copyOf(items);
        }
    }

    /**
     * Looks at the JSON object {@code text} without building it, so that a caller can bound its work before a full
     * parse: each top-level member named in {@code limits} whose value is an array is counted, and its items are
     * built only up to that member's limit; every other value is skipped unbuilt. The syntax rules and limits of
     * {@link #parse} apply. Never throws for any text.
     *
     * @return the arrays found, by name; empty if {@code text} is not exactly one well-formed JSON object (for
     *     {@link #parse} to explain)
     */
    public static Optional<Map<String, ArrayScan>> scanArrays(String text, Map<String, Integer> limits) {
        if (text == null) {
            return Optional.empty();
        }
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            Map<String, ArrayScan> found = new LinkedHashMap<>();
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (t == null || value == null) {
                    return Optional.empty();
                }
                Integer limit = limits.get(name);
                if (limit != null && value == JsonToken.START_ARRAY) {
                    found.put(name, scanArray(parser, limit));
                } else {
                    parser.skipChildren();
                }
            }
            return parser.nextToken() == null ? Optional.of(found) : Optional.empty();
        } catch (JacksonException | LitProtocolException e) {
            return Optional.empty();
        }
    }

    private static ArrayScan scanArray(JsonParser parser, int limit) {
        int size = 0;
        List<JsonValue> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            if (t == null) {
                throw new LitProtocolException(LitErrorCode.NodeParserError, "array is not closed");
            }
            size++;
            if (size <= limit) {
                items.add(read(parser, t, LitErrorCode.NodeParserError, "array item"));
            } else {
                parser.skipChildren();
            }
        }
        return new ArrayScan(size, items);
    }

    private static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static JsonValue read(JsonParser parser, JsonToken token, LitErrorCode code, String field) {
        return switch (token) {
            case START_OBJECT -> {
                LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    if (hasUnpairedSurrogate(name)) {
                        // Jackson refuses the escaped form; refusing the raw one too keeps what is read writable
                        throw new LitProtocolException(code, field + " has a member name with an unpaired surrogate");
                    }
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
