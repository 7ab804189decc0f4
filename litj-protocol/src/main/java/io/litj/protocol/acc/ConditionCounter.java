package io.litj.protocol.acc;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.json.JsonValue;

/**
 * The first look at a condition list, before any field is read: it must be a non-empty array, nest at most
 * {@link ConditionSet#MAX_DEPTH} arrays deep, and hold at most {@link ConditionSet#MAX_CONDITIONS} conditions (any
 * object without an {@code operator} member counts, at every depth). The walk stops at the first excess.
 */
final class ConditionCounter {
    private int conditions;

    private ConditionCounter() {
    }

    /**
     * @throws LitProtocolException {@code NodeMissingAccessControlConditions} for an empty list,
     *     {@code NodeTooManyConditions} beyond the limit, {@code NodeParserError} for a non-array or excess depth
     */
    static void check(JsonValue list, String field) {
        if (!(list instanceof JsonValue.JsonArray array)) {
            throw new LitProtocolException(LitErrorCode.NodeParserError, field + " must be an array");
        }
        if (array.items().isEmpty()) {
            throw new LitProtocolException(LitErrorCode.NodeMissingAccessControlConditions, field + " is empty");
        }
        new ConditionCounter().walk(array, field, 1);
    }

    private void walk(JsonValue.JsonArray array, String path, int depth) {
        if (depth > ConditionSet.MAX_DEPTH) {
            throw new LitProtocolException(LitErrorCode.NodeParserError, path + " nests arrays deeper than "
                    + ConditionSet.MAX_DEPTH + " levels");
        }
        for (int i = 0; i < array.items().size(); i++) {
            JsonValue item = array.items().get(i);
            if (item instanceof JsonValue.JsonArray nested) {
                walk(nested, path + "[" + i + "]", depth + 1);
            } else if (item instanceof JsonValue.JsonObject o && !o.members().containsKey("operator")
                    && ++conditions > ConditionSet.MAX_CONDITIONS) {
                throw ConditionSet.tooMany(path);
            }
        }
    }
}
