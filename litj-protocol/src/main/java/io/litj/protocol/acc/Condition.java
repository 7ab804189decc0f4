package io.litj.protocol.acc;

import io.litj.protocol.json.JsonValue;

/** One leaf condition: what a node evaluates to true or false on the chain it names. */
public sealed interface Condition extends ConditionNode
        permits AccessControlCondition, EvmContractCondition, SolRpcCondition {

    /** The chain name, e.g. {@code ethereum} or {@code solana}. */
    String chain();

    /** The single kind this condition belongs to ({@link ConditionKind#UNIFIED} never). */
    ConditionKind kind();

    /**
     * The object the JS SDK's canonical formatter makes of this condition (fields in the node's struct order,
     * {@code conditionType} and unknown fields gone).
     *
     * @param inUnifiedSet true inside {@code unifiedAccessControlConditions}, which always use the Solana v2 shape
     */
    JsonValue.JsonObject canonical(boolean inUnifiedSet);
}
