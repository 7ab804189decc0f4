package io.litj.client;

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
}
