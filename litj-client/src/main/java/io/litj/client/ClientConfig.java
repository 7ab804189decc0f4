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
}
