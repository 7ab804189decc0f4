package io.litj.node.actions;

/**
 * Node functions a Lit Action may call beyond its sandbox, for one run ({@link #FUNCTIONS}: the PKP signing,
 * permission and access-control functions of {@code Lit.Actions}, and the global {@code fetch}). The action passes
 * the function's name and its argument object as JSON (typed arrays as plain arrays); the host answers with a JSON
 * value the action's promise resolves to, or throws an {@link ActionHostException} whose message the action sees as an {@code Error}. A call
 * blocks the action's thread and counts against its timeout.
 *
 * <p>Implementations must be thread-safe: a cancelled action's call may still be running when the next begins.
 */
@FunctionalInterface
public interface ActionHost {
    /** The functions the prelude routes to a host when one is given. */
    java.util.List<String> FUNCTIONS = java.util.List.of("signEcdsa", "ethPersonalSignMessageEcdsa",
            "signAndCombineEcdsa", "isPermittedAction", "isPermittedAddress", "isPermittedAuthMethod",
            "getPermittedActions", "getPermittedAddresses", "getPermittedAuthMethods", "getPermittedAuthMethodScopes",
            "pubkeyToTokenId", "checkConditions", "encrypt", "decryptAndCombine", "decryptToSingleNode", "fetch",
            "broadcastAndCollect", "runOnceLeader", "runOnceShare", "runOnceAwait", "getRpcUrl", "getLatestNonce",
            "call");
    /** Longest argument JSON a host is handed; a longer one is refused before it reaches the host. */
    int MAX_ARGS_CHARS = 1 << 20;

    /**
     * Calls {@code function} (one of {@link #FUNCTIONS}) with {@code argsJson}.
     *
     * @return the JSON text of the result
     * @throws ActionHostException the refusal the action sees
     */
    String call(String function, String argsJson);
}
