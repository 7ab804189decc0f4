package io.litj.protocol.acc;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import java.util.List;

/**
 * The structure rules of a typed condition list: not empty; at most {@link ConditionSet#MAX_CONDITIONS} conditions
 * and {@link ConditionSet#MAX_DEPTH} levels; no empty group; an operator only between two operands; every condition
 * of the set's kind (any of the three in a unified set).
 */
final class ConditionStructure {
    private final ConditionKind kind;
    private int conditions;

    private ConditionStructure(ConditionKind kind) {
        this.kind = kind;
    }

    /** @return the number of conditions */
    static int check(ConditionKind kind, List<ConditionNode> items) {
        if (items.isEmpty()) {
            throw new LitProtocolException(LitErrorCode.NodeMissingAccessControlConditions, kind.field()
                    + " is empty");
        }
        ConditionStructure s = new ConditionStructure(kind);
        s.walk(items, kind.field(), 1);
        return s.conditions;
    }

    private void walk(List<ConditionNode> items, String path, int depth) {
        if (depth > ConditionSet.MAX_DEPTH) {
            throw fail(path + " nests arrays deeper than " + ConditionSet.MAX_DEPTH + " levels");
        }
        if (items.isEmpty()) {
            throw fail(path + " is an empty group");
        }
        for (int i = 0; i < items.size(); i++) {
            String at = path + "[" + i + "]";
            switch (items.get(i)) {
                case Operator o -> {
                    if (i == 0 || i == items.size() - 1 || items.get(i - 1) instanceof Operator) {
                        throw fail(at + " is the operator '" + o.value() + "' but an operator must stand between"
                                + " two conditions or groups");
                    }
                }
                case ConditionGroup g -> walk(g.items(), at, depth + 1);
                case Condition c -> {
                    if (kind != ConditionKind.UNIFIED && c.kind() != kind) {
                        throw fail(at + " is a " + c.kind().conditionType().orElseThrow() + " condition in "
                                + kind.field());
                    }
                    if (++conditions > ConditionSet.MAX_CONDITIONS) {
                        throw ConditionSet.tooMany(kind.field());
                    }
                }
            }
        }
    }

    private static LitProtocolException fail(String message) {
        return new LitProtocolException(LitErrorCode.NodeParserError, message);
    }
}
