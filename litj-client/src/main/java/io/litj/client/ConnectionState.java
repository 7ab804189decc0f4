package io.litj.client;

import io.litj.protocol.LitErrorCode;
import io.litj.threshold.ThresholdException;
import io.litj.threshold.bls.BlsPublicKey;
import java.util.List;
import java.util.Optional;

/**
 * What {@link LitClient#connect()} established: the nodes that answered and agree (in configured order), the
 * threshold, the epoch sent in node requests, and the network keys (empty when nodes said {@code "ERR"}).
 */
record ConnectionState(List<String> nodeUrls, int minNodeCount, long epoch, Optional<String> networkPublicKey,
                       Optional<String> subnetPublicKey) {
    ConnectionState {
        nodeUrls = List.copyOf(nodeUrls);
    }

    /**
     * The network BLS key, parsed.
     *
     * @throws LitClientException {@code InitError} when the nodes reported none or one that is not a BLS key
     */
    BlsPublicKey requireNetworkKey() {
        return parse(networkPublicKey, "network", "PKP sessions and signed tokens need the network's DKG to have run");
    }

    /**
     * The subnet BLS key, parsed: the key of encryption (the JS SDK's {@code subnetPubKey}).
     *
     * @throws LitClientException {@code InitError} when the nodes reported none or one that is not a BLS key
     */
    BlsPublicKey requireSubnetKey() {
        return parse(subnetPublicKey, "subnet", "encryption needs the network's DKG to have run");
    }

    private static BlsPublicKey parse(Optional<String> key, String which, String why) {
        String hex = key.orElseThrow(() -> new LitClientException(LitErrorCode.InitError,
                "the nodes reported no " + which + " BLS key (\"ERR\"): " + why));
        try {
            return BlsPublicKey.parse(hex);
        } catch (ThresholdException e) {
            throw new LitClientException(LitErrorCode.InitError, "the nodes' " + which + " key is not a BLS12-381"
                    + " public key: " + e.getMessage(), e);
        }
    }
}
