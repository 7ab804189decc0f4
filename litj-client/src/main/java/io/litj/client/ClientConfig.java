package io.litj.client;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The checked configuration of a {@link LitClient} (built by {@link LitClient.Builder}). */
record ClientConfig(Optional<URI> rpcUrl, String stakingAddress, List<String> nodeUrls, OptionalInt minNodeCount,
                    Optional<URI> blockHashUrl, boolean allowPlainHttp, Duration connectTimeout,
                    Duration requestTimeout, Clock clock, SecureRandom random, NodeTransport transport,
                    boolean ownsTransport, SessionStore store, String network) {

    /** The store name of a network: its RPC URL and Staking address, or its sorted node URLs. */
    static String defaultNetwork(Optional<URI> rpc, String staking, List<String> urls) {
        if (rpc.isPresent()) {
            return "rpc:" + rpc.get() + "#" + staking;
        }
        List<String> sorted = new java.util.ArrayList<>(urls);
        sorted.sort(null);
        return "nodes:" + String.join(",", sorted);
    }

    /** Refuses a timeout that is not positive or exceeds {@code max}. */
    static void checkTimeout(Duration d, Duration max, String what) {
        if (d.isNegative() || d.isZero() || d.compareTo(max) > 0) {
            throw new LitClientException(io.litj.protocol.LitErrorCode.InvalidArgument, what
                    + " must be positive and at most " + max.toSeconds() + " s but is " + d.toMillis() + " ms");
        }
    }
}
