package io.litj.protocol.acc;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.Text;
import io.litj.protocol.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a condition list into typed entries, after {@link ConditionCounter} has bounded it. Each array item is an
 * operator object (exactly {@code {"operator":"and"|"or"}}), a nested array, or a condition of the list's kind;
 * in a unified list the condition's {@code conditionType} picks its kind.
 */
final class ConditionParser {
    private static final Set<String> OPERATOR_FIELDS = Set.of("operator");

    private ConditionParser() {
    }

    static List<ConditionNode> entries(JsonValue.JsonArray array, ConditionKind kind, String path) {
        List<ConditionNode> out = new ArrayList<>(array.items().size());
        for (int i = 0; i < array.items().size(); i++) {
            out.add(entry(array.items().get(i), kind, path + "[" + i + "]"));
        }
        return out;
    }

    private static ConditionNode entry(JsonValue item, ConditionKind kind, String path) {
        if (item instanceof JsonValue.JsonArray nested) {
            return new ConditionGroup(entries(nested, kind, path));
        }
        if (!(item instanceof JsonValue.JsonObject object)) {
            throw new LitProtocolException(LitErrorCode.NodeParserError, path
                    + " must be a condition object, an operator object or an array");
        }
        if (object.members().containsKey("operator")) {
            ConditionFields f = new ConditionFields(object, path, OPERATOR_FIELDS);
            String value = f.string("operator");
            return Operator.of(value).orElseThrow(() -> f.fail(".operator must be 'and' or 'or' but is '"
                    + Text.cut(value) + "'"));
        }
        ConditionKind of = kind == ConditionKind.UNIFIED ? unifiedKind(object, path) : kind;
        return switch (of) {
            case BASIC -> AccessControlCondition.read(object, path, kind);
            case EVM_CONTRACT -> EvmContractCondition.read(object, path, kind);
            case SOL_RPC -> SolRpcCondition.read(object, path, kind);
            case UNIFIED -> throw new IllegalStateException("a unified kind has no conditions of its own");
        };
    }

    private static ConditionKind unifiedKind(JsonValue.JsonObject object, String path) {
        JsonValue tag = object.get("conditionType").orElseThrow(() -> new LitProtocolException(
                LitErrorCode.NodeParserError, path + " is missing the field 'conditionType'"));
        String type = tag instanceof JsonValue.JsonString s ? s.value() : null;
        if (type == null) {
            throw new LitProtocolException(LitErrorCode.NodeParserError, path + ".conditionType must be a string");
        }
        return ConditionKind.ofConditionType(type).orElseThrow(() -> new LitProtocolException(
                LitErrorCode.NodeParserError, path + ".conditionType '" + Text.cut(type) + "' is not one of "
                + "evmBasic, evmContract, solRpc" + (type.equals("cosmos") ? " (litj does not support cosmos)"
                : "")));
    }
}
