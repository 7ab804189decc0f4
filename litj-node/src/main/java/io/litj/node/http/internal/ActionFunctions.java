package io.litj.node.http.internal;

import io.litj.node.actions.ActionHost;
import io.litj.node.actions.ActionHostException;
import java.util.Objects;

/**
 * The node functions of one Lit Action run: the permission functions go to {@link ActionPermissions} (arguments of
 * at most {@value #MAX_PERMISSION_ARGS_CHARS} characters), the signing functions to the run's {@link ActionSigner}
 * when the node signs with PKPs, the access-control functions to the run's {@link ActionEncryption}, {@code fetch} to
 * the run's fetch host ({@link io.litj.node.fetch.ActionFetcher#forRun}), {@code runOnce} and
 * {@code broadcastAndCollect} to the run's {@link ActionPeers}, {@code getRpcUrl} and {@code getLatestNonce} to the
 * run's {@link ActionChains}, {@code call} to the run's {@link ActionCalls}. Thread-safe.
 */
final class ActionFunctions implements ActionHost {
    static final int MAX_PERMISSION_ARGS_CHARS = 4096;

    private final ActionPermissions permissions;
    private final ActionSigner signer;
    private final ActionEncryption encryption;
    private final ActionHost fetch;
    private final ActionPeers peers;
    private final ActionHost chains;
    private final ActionCalls calls;

    /**
     * @param signer the run's signing functions, or {@code null} when the node has no PKP signer
     */
    ActionFunctions(ActionPermissions permissions, ActionSigner signer) {
        this(permissions, signer, null);
    }

    /**
     * @param encryption the run's access-control functions, or {@code null} when the node has none
     */
    ActionFunctions(ActionPermissions permissions, ActionSigner signer, ActionEncryption encryption) {
        this(permissions, signer, encryption, null);
    }

    /**
     * @param fetch the run's {@code fetch}, or {@code null} when the node offers none
     */
    ActionFunctions(ActionPermissions permissions, ActionSigner signer, ActionEncryption encryption,
            ActionHost fetch) {
        this(permissions, signer, encryption, fetch, null);
    }

    /**
     * @param peers the run's functions that talk to the other nodes ({@code broadcastAndCollect}, {@code runOnce}),
     *              or {@code null} when the node exchanges nothing with its peers
     */
    ActionFunctions(ActionPermissions permissions, ActionSigner signer, ActionEncryption encryption,
            ActionHost fetch, ActionPeers peers) {
        this(permissions, signer, encryption, fetch, peers, null, null);
    }

    /**
     * @param chains the run's {@code getRpcUrl} and {@code getLatestNonce} ({@link ActionChains}), or {@code null}
     *               when the node offers none
     * @param calls  the run's {@code call} ({@link ActionCalls}), or {@code null} when the node runs no children
     */
    ActionFunctions(ActionPermissions permissions, ActionSigner signer, ActionEncryption encryption,
            ActionHost fetch, ActionPeers peers, ActionHost chains, ActionCalls calls) {
        this.fetch = fetch;
        this.peers = peers;
        this.chains = chains;
        this.calls = calls;
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.signer = signer;
        this.encryption = encryption;
    }

    @Override
    public String call(String function, String argsJson) {
        if (function.equals("fetch")) {
            if (fetch == null) {
                throw new ActionHostException("fetch is not available on this node");
            }
            return fetch.call(function, argsJson);
        }
        if (function.equals("call")) {
            if (calls == null) {
                throw new ActionHostException("this node does not run child actions");
            }
            return calls.call(argsJson);
        }
        if (ActionChains.FUNCTIONS.contains(function)) {
            if (chains == null) {
                throw new ActionHostException("this node has no chains configured for actions");
            }
            return chains.call(function, argsJson);
        }
        if (ActionPeers.FUNCTIONS.contains(function)) {
            if (peers == null) {
                throw new ActionHostException("this node does not exchange values with other nodes");
            }
            return peers.call(function, argsJson);
        }
        if (ActionPermissions.FUNCTIONS.contains(function)) {
            if (argsJson.length() > MAX_PERMISSION_ARGS_CHARS) {
                throw new ActionHostException("arguments longer than " + MAX_PERMISSION_ARGS_CHARS
                        + " characters as JSON");
            }
            return permissions.call(function, PermissionArgs.object(argsJson, function,
                    "expects an argument object"));
        }
        if (ActionEncryption.FUNCTIONS.contains(function)) {
            if (encryption == null) {
                throw new ActionHostException("this node does not evaluate access control conditions");
            }
            return encryption.call(function, argsJson);
        }
        if (signer == null) {
            throw new ActionHostException("this node does not sign with PKPs");
        }
        return signer.call(function, argsJson);
    }
}
