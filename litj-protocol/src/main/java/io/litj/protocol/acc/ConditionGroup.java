package io.litj.protocol.acc;

import java.util.List;
import java.util.Objects;

/**
 * A nested list of entries (a JSON array inside the condition list), evaluated as one operand. A set's structure
 * rules (non-empty, operator placement, depth) are checked by {@link ConditionSet}.
 */
public record ConditionGroup(List<ConditionNode> items) implements ConditionNode {
    public ConditionGroup {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    public static ConditionGroup of(ConditionNode... items) {
        return new ConditionGroup(List.of(items));
    }
}
