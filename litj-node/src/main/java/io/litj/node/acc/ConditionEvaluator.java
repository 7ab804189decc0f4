package io.litj.node.acc;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.acc.AccessControlCondition;
import io.litj.protocol.acc.Condition;
import io.litj.protocol.acc.ConditionGroup;
import io.litj.protocol.acc.ConditionNode;
import io.litj.protocol.acc.ConditionSet;
import io.litj.protocol.acc.EvmContractCondition;
import io.litj.protocol.acc.Operator;
import io.litj.protocol.acc.SolRpcCondition;
import java.util.List;
import java.util.Objects;

/**
 * Decides whether a {@link ConditionSet} holds for one caller ({@code lit-node-behaviour.md} §6.3). A list is read
 * left to right: its first operand's value, then each {@code and}/{@code or} with the next operand (two operands
 * without an operator between them are joined by {@code and}); a nested list is one operand. No precedence: {@code
 * a or b and c} is {@code (a or b) and c}. An operand whose value cannot change the result is not evaluated
 * ({@code false and …}, {@code true or …}), so it makes no chain call.
 *
 * <p>Refusals, before any chain call: more calls than allowed per request ({@code NodeTooManyConditions}), a Solana
 * condition ({@code NodeConditionNotSupported}: no Solana chain is configured on a litj node). A {@code LitAction}
 * condition runs the action stored under its {@code ipfs://<CID>} through {@link ConditionActions} and compares its
 * result; without them it is {@code NodeConditionNotSupported}. During evaluation: an
 * unconfigured chain ({@code NodeChainNotConfigured}), a failed or timed-out call
 * ({@code NodeAccessControlConditionsCheckFailed}), parameters that do not fit ({@code NodeBadInput}). A refusal is
 * never a grant. Results are never cached: each evaluation asks the chains again. Thread-safe.
 */
public final class ConditionEvaluator {
    private static final String LIT_ACTION = "LitAction";
    private static final String IPFS = "ipfs://";
    private final ChainRpc rpc;
    private final int maxCalls;
    private final ConditionActions actions;

    /**
     * @param rpc      the chains' JSON-RPC
     * @param maxCalls the most chain calls one evaluation may make (each condition makes at most one)
     */
    public ConditionEvaluator(ChainRpc rpc, int maxCalls) {
        this(rpc, maxCalls, null);
    }

    /**
     * @param actions runs {@code LitAction} conditions, or {@code null}: they are then
     *     {@code NodeConditionNotSupported}
     */
    public ConditionEvaluator(ChainRpc rpc, int maxCalls, ConditionActions actions) {
        this.actions = actions;
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        if (maxCalls < 1) {
            throw new IllegalArgumentException("maxCalls must be >= 1 but is " + maxCalls);
        }
        this.maxCalls = maxCalls;
    }

    /**
     * Evaluates {@code set} for {@code context}.
     *
     * @return true when the conditions hold
     * @throws LitNodeException with a code of the class comment when the set cannot be evaluated
     */
    public boolean evaluate(ConditionSet set, EvaluationContext context) {
        Objects.requireNonNull(context, "context");
        List<Condition> conditions = set.conditions();
        long calls = 0;
        for (Condition c : conditions) {
            if (c instanceof SolRpcCondition) {
                throw new LitNodeException(LitErrorCode.NodeConditionNotSupported, "Solana RPC conditions are not "
                        + "evaluated: this node has no Solana chain configured");
            }
            if (!(c instanceof AccessControlCondition basic) || BasicConditionCheck.callsChain(basic)) {
                calls++;
            }
        }
        if (calls > maxCalls) {
            throw new LitNodeException(LitErrorCode.NodeTooManyConditions, "the conditions need " + calls
                    + " chain calls but this node makes at most " + maxCalls + " per request");
        }
        return list(set.items(), context);
    }

    private boolean list(List<ConditionNode> items, EvaluationContext context) {
        boolean result = true;
        Operator pending = Operator.AND;
        for (ConditionNode item : items) {
            if (item instanceof Operator op) {
                pending = op;
                continue;
            }
            boolean decided = pending == Operator.AND ? !result : result;
            if (!decided) {
                result = operand(item, context);
            }
            pending = Operator.AND;
        }
        return result;
    }

    /** The result of the action a {@code LitAction} condition names ({@code contractAddress ipfs://<CID>}). */
    private String litAction(AccessControlCondition c, EvaluationContext context) {
        if (!c.contractAddress().startsWith(IPFS) || c.contractAddress().length() == IPFS.length()) {
            throw new LitNodeException(LitErrorCode.NodeBadInput, "a LitAction condition's contractAddress must be "
                    + "ipfs://<CID>");
        }
        List<String> params = c.parameters().stream().map(p -> SpecialParams.substitute(p, context)).toList();
        return actions.call(c.contractAddress().substring(IPFS.length()), c.method(), params, context);
    }

    private boolean operand(ConditionNode item, EvaluationContext context) {
        return switch (item) {
            case ConditionGroup g -> list(g.items(), context);
            case AccessControlCondition c when c.standardContractType().equals(LIT_ACTION) && actions != null ->
                    Comparison.test(litAction(c, context), c.returnValueTest().comparator(),
                            SpecialParams.substitute(c.returnValueTest().value(), context));
            case AccessControlCondition c -> Comparison.test(BasicConditionCheck.read(c, context, rpc),
                    c.returnValueTest().comparator(), SpecialParams.substitute(c.returnValueTest().value(), context));
            case EvmContractCondition c -> Comparison.test(ContractConditionCheck.read(c, context, rpc),
                    c.returnValueTest().comparator(), SpecialParams.substitute(c.returnValueTest().value(), context));
            case SolRpcCondition c -> throw new LitNodeException(LitErrorCode.NodeConditionNotSupported,
                    "Solana RPC conditions are not evaluated");
            case Operator o -> throw new IllegalStateException("operators are handled by the list");
        };
    }
}
