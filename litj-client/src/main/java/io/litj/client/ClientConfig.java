package io.litj.client;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.BlsCapabilityVerifier;
import io.litj.threshold.bls.BlsPublicKey;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The checked configuration of a {@link LitClient} (built by {@link LitClient.Builder}), handed whole to the calls
 * that need its transport, clock, randomness and timeouts. {@code networkVerifier} turns the network key of a
 * connection into the check of network-signed grants (by default {@code Bls::capabilityVerifier}).
 */
record ClientConfig(Optional<URI> rpcUrl, String stakingAddress, List<String> nodeUrls, OptionalInt minNodeCount,
                    Optional<URI> blockHashUrl, boolean allowPlainHttp, Duration connectTimeout,
                    Duration requestTimeout, Clock clock, SecureRandom random, NodeTransport transport,
                    boolean ownsTransport, SessionStore store, String network,
                    Function<BlsPublicKey, BlsCapabilityVerifier> networkVerifier) {

    /** The store name of a network: its RPC URL and Staking address, or its sorted node URLs. */
    static String defaultNetwork(Optional<URI> rpc, String staking, List<String> urls) {
        if (rpc.isPresent()) {
            return "rpc:" + rpc.get() + "#" + staking;
        }
        List<String> sorted = new ArrayList<>(urls);
        sorted.sort(null);
        return "nodes:" + String.join(",", sorted);
    }

    /** Refuses a timeout that is not positive or exceeds {@code max}. */
    static void checkTimeout(Duration d, Duration max, String what) {
        if (d.isNegative() || d.isZero() || d.compareTo(max) > 0) {
            throw new LitClientException(LitErrorCode.InvalidArgument, what
                    + " must be positive and at most " + max.toSeconds() + " s but is " + d.toMillis() + " ms");
        }
    }
}
