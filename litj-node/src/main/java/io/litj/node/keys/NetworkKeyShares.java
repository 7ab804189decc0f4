package io.litj.node.keys;

import io.litj.threshold.bls.BlsPublicKey;
import io.litj.threshold.bls.BlsSecretKeyShare;
import java.util.Optional;

/**
 * This node's view of the network's threshold keys: the BLS root public key and this node's share of it (empty
 * until the network's DKG has run), and its shares of PKP keys. The shares never leave the node.
 */
public interface NetworkKeyShares {
    /** The network's BLS root public key (G1), reported by the handshake. */
    Optional<BlsPublicKey> rootPublicKey();

    /** This node's share of the BLS root key; its identifier is the node index + 1. */
    Optional<BlsSecretKeyShare> rootShare();

    /**
     * This node's share of the PKP with this token id (64 hex, any case), if it holds one. Empty by default, for
     * views that know no PKPs.
     */
    default Optional<PkpKeyShare> pkpShare(String tokenId) {
        return Optional.empty();
    }
}
