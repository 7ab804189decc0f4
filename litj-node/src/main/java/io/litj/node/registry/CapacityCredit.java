package io.litj.node.registry;

import io.litj.protocol.crypto.EthAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A capacity credit: an NFT that pays for requests to the network, as Datil's {@code RateLimitNFT}
 * ({@code lit-node-behaviour.md} §5): its token id (a decimal uint256 string), its owner, how many requests per
 * kilosecond it pays for, and when it expires. Immutable.
 *
 * @param tokenId               decimal, no leading zeros, at most 78 digits
 * @param owner                 the address that holds it
 * @param requestsPerKilosecond at least 1
 * @param expiresAt             from this instant on it pays for nothing
 */
public record CapacityCredit(String tokenId, EthAddress owner, long requestsPerKilosecond, Instant expiresAt) {
    private static final Pattern TOKEN_ID = Pattern.compile("0|[1-9][0-9]{0,77}");

    public CapacityCredit {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!isTokenId(tokenId)) {
            throw new IllegalArgumentException("capacity token id must be a decimal uint256 string");
        }
        if (requestsPerKilosecond < 1) {
            throw new IllegalArgumentException("requestsPerKilosecond must be at least 1");
        }
    }

    /** True if {@code text} is a token id as this registry writes them (decimal, no sign, no leading zeros). */
    public static boolean isTokenId(String text) {
        return TOKEN_ID.matcher(text).matches();
    }

    /** True from {@link #expiresAt()} on (as Datil: {@code expiresAt <= now} is expired). */
    public boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
