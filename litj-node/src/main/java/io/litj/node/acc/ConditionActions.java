package io.litj.node.acc;

import java.util.List;

/**
 * Runs the Lit Action a {@code LitAction} condition names ({@code lit-node-behaviour.md} §6.3): the code stored
 * under {@code cid}, calling its function {@code method} with {@code parameters} (special parameters already
 * substituted), once, without access to the node's functions, under its own time limit. Implementations are
 * thread-safe and never answer for code they do not hold.
 */
@FunctionalInterface
public interface ConditionActions {
    /**
     * The function's result as text (a string as it is, anything else as JSON).
     *
     * @throws io.litj.node.LitNodeException {@code NodeInvalidIPFSID} when the node holds no code for {@code cid},
     *     {@code NodeBadInput} for a method name that is not an identifier or parameters over the limits,
     *     {@code NodeAccessControlConditionsCheckFailed} when the action fails or times out
     */
    String call(String cid, String method, List<String> parameters, EvaluationContext context);
}
