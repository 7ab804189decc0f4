package io.litj.node.http.internal;

import io.litj.node.acc.ConditionEvaluator;
import io.litj.node.auth.AccAuthGate;
import io.litj.node.ecdsa.DecryptionExchange;
import io.litj.node.keys.NetworkKeyShares;
import io.litj.node.registry.NodeEntry;
import io.litj.protocol.auth.AuthContext;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;

/**
 * What a node's Lit Actions need for the access-control functions ({@code checkConditions}, {@code encrypt},
 * {@code decryptAndCombine}, {@code decryptToSingleNode}): the node's evaluator, the gate for an {@code authSig}
 * argument, its root key share and the peer exchange of decryption shares. Makes one {@link ActionEncryption} per
 * action run. Thread-safe; prints no key.
 */
public final class ActionAccess {
    private final ConditionEvaluator evaluator;
    private final AccAuthGate gate;
    private final RootShareSigner signer;
    private final DecryptionExchange exchange;
    private final SecureRandom random;

    /**
     * @param exchange the peer exchange of decryption shares, or {@code null}: the decrypt functions then reject
     */
    public ActionAccess(ConditionEvaluator evaluator, AccAuthGate gate, NodeEntry self, NetworkKeyShares keys,
            DecryptionExchange exchange, SecureRandom random) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.signer = new RootShareSigner(self, keys);
        this.exchange = exchange;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The functions of one run of the action {@code cid} for {@code auth}. */
    ActionEncryption forRun(AuthContext auth, String cid, Map<String, String> litParams, String requestId) {
        return new ActionEncryption(evaluator, gate, signer, exchange == null ? null
                : new ActionDecryption(exchange, requestId), auth, cid, litParams, random);
    }

    @Override
    public String toString() {
        return "ActionAccess[node=" + signer.index() + "]";
    }
}
