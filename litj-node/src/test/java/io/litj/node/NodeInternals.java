package io.litj.node;

import io.litj.node.ecdsa.PkpSigner;

/** Reaches a running node's internals from tests in other packages. */
public final class NodeInternals {
    private NodeInternals() {
    }

    /** The PKP signer of {@code node}, on which its action exchanges run. */
    public static PkpSigner signer(LitNode node) {
        return node.signer();
    }
}
