package io.litj.protocol.acc;

import java.util.Optional;

/**
 * The four kinds of condition set a request may carry, by the request field that holds them, in the order a node
 * picks the first one present ({@code lit-node-behaviour.md} §1.5).
 */
public enum ConditionKind {
    /** {@code accessControlConditions}: basic EVM conditions ({@link AccessControlCondition}). */
    BASIC("accessControlConditions", "evmBasic"),
    /** {@code evmContractConditions}: calls of any view function ({@link EvmContractCondition}). */
    EVM_CONTRACT("evmContractConditions", "evmContract"),
    /** {@code solRpcConditions}: Solana RPC conditions ({@link SolRpcCondition}). */
    SOL_RPC("solRpcConditions", "solRpc"),
    /** {@code unifiedAccessControlConditions}: a mix of the three, each tagged with its {@code conditionType}. */
    UNIFIED("unifiedAccessControlConditions", "");

    private final String field;
    private final String conditionType;

    ConditionKind(String field, String conditionType) {
        this.field = field;
        this.conditionType = conditionType;
    }

    /** The request field, e.g. {@code evmContractConditions}. */
    public String field() {
        return field;
    }

    /** The {@code conditionType} tag of this kind's conditions in a unified set; empty for {@link #UNIFIED}. */
    public Optional<String> conditionType() {
        return conditionType.isEmpty() ? Optional.empty() : Optional.of(conditionType);
    }

    /** The single (non-unified) kind whose conditions are tagged {@code tag}. */
    static Optional<ConditionKind> ofConditionType(String tag) {
        return tag.isEmpty() ? Optional.empty() : WireNames.find(values(), k -> k.conditionType, tag);
    }
}
