package io.litj.node.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * A devnet block: what SIWE nonces are made of. {@code hash} is {@code 0x} + 64 lowercase hex.
 */
public record Block(long number, String hash, Instant timestamp) {
    public Block {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(timestamp, "timestamp");
        if (!hash.matches("0x[0-9a-f]{64}")) {
            throw new IllegalArgumentException("block hash must be 0x + 64 lowercase hex");
        }
    }
}
