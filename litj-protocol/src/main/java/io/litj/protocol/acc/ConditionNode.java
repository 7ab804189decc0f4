package io.litj.protocol.acc;

/**
 * One entry of a condition list: a {@link Condition}, a boolean {@link Operator} between two entries, or a nested
 * {@link ConditionGroup}. Entries without an operator between them are ANDed by nodes.
 */
public sealed interface ConditionNode permits Condition, Operator, ConditionGroup {
}
