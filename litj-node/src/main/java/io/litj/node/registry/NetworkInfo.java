package io.litj.node.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * The network-wide facts of a devnet: chain id, epoch, threshold and the Staking contract address clients call.
 *
 * @param threshold the number of nodes that must agree ({@code t = max(2, floor(2n/3))} for n ≥ 3); also the
 *        {@code minNodeCount} reported to clients
 * @param epochStart when the current epoch began; {@code epochLengthSeconds} later it ends
 */
public record NetworkInfo(long chainId, long epoch, int threshold, String stakingAddress, Instant epochStart,
                          long epochLengthSeconds) {
    public NetworkInfo {
        Objects.requireNonNull(stakingAddress, "stakingAddress");
        Objects.requireNonNull(epochStart, "epochStart");
        if (threshold < 1 || epoch < 1 || epochLengthSeconds < 1) {
            throw new IllegalArgumentException("threshold, epoch and epoch length must be positive");
        }
    }

    /** Lit's threshold for {@code n} nodes: {@code max(2, floor(2n/3))} for n ≥ 3, else n. */
    public static int thresholdFor(int n) {
        return n >= 3 ? Math.max(2, (2 * n) / 3) : n;
    }
}
