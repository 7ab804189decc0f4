package io.litj.node.http.internal;

import io.litj.node.LitNodeException;
import io.litj.node.keys.NetworkKeyShares;
import io.litj.node.registry.NodeEntry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.json.JsonValue;
import io.litj.threshold.bls.BlsPublicKey;
import io.litj.threshold.bls.BlsSecretKeyShare;
import io.litj.threshold.bls.BlsSignatureShare;
import java.util.Objects;

/**
 * This node's BLS share of a network signature ({@code lit-node-behaviour.md} §4): signs with the root key share,
 * after checking the share's identifier is the node's index + 1, and writes the share in the Datil wire form
 * {@code {"ProofOfPossession": "<194 hex>"}}. No share or root key yet: {@code NodeBLSRootKeyNotFound}.
 */
final class RootShareSigner {
    private final NodeEntry self;
    private final NetworkKeyShares keys;

    RootShareSigner(NodeEntry self, NetworkKeyShares keys) {
        this.self = Objects.requireNonNull(self, "self");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** The share over {@code message}. */
    BlsSignatureShare sign(byte[] message) {
        BlsSecretKeyShare share = keys.rootShare().orElseThrow(RootShareSigner::noRootKey);
        if (share.identifier() != self.index() + 1) {
            throw new LitNodeException(LitErrorCode.NodeSystemFault, "this node's root key share has identifier "
                    + share.identifier() + " but node index " + self.index() + " needs identifier "
                    + (self.index() + 1));
        }
        return share.sign(message);
    }

    /** The network root key. */
    BlsPublicKey rootPublicKey() {
        return keys.rootPublicKey().orElseThrow(RootShareSigner::noRootKey);
    }

    /** This node's index: the {@code shareIndex} of its answers. */
    int index() {
        return self.index();
    }

    /** {@code {"ProofOfPossession": "<hex of identifier ‖ G2>"}}. */
    static JsonValue.JsonObject wire(BlsSignatureShare share) {
        return JsonValue.object().put("ProofOfPossession", Hex.encode(share.toBytes().toByteArray())).build();
    }

    private static LitNodeException noRootKey() {
        return new LitNodeException(LitErrorCode.NodeBLSRootKeyNotFound,
                "this node holds no share of the network BLS root key yet (the key generation has not run)");
    }
}
