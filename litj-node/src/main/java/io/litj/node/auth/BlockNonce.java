package io.litj.node.auth;

import io.litj.node.LitNodeException;
import io.litj.node.registry.Block;
import io.litj.node.registry.Registry;
import io.litj.protocol.IsoTime;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.Text;
import io.litj.protocol.auth.SessionTimeRules;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * SIWE nonces that must name a recent block ({@code lit-node-behaviour.md} §3.1 step 6, §10 item 7): the nonce is
 * the hash of a block the network's registry holds, at most {@value SessionTimeRules#MAX_NONCE_AGE_DAYS} days old by
 * the node clock ({@link SessionTimeRules#nonceTooOld}).
 * Anything else is {@code NodeInvalidBlockhash}. Nonces are not single-use (neither are Datil's).
 */
final class BlockNonce {
    private final Registry registry;
    private final Clock clock;

    BlockNonce(Registry registry, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The block whose hash is {@code nonce}.
     *
     * @param what names the message in errors
     * @throws LitNodeException {@code NodeInvalidBlockhash} if no such block is known or it is too old
     */
    Block recent(String nonce, String what) {
        Block block = registry.block(nonce).orElseThrow(() -> new LitNodeException(LitErrorCode.NodeInvalidBlockhash,
                what + " Nonce " + Text.cut(nonce) + " is not the hash of a block of this network"));
        Instant now = clock.instant();
        if (SessionTimeRules.nonceTooOld(block.timestamp(), now)) {
            throw new LitNodeException(LitErrorCode.NodeInvalidBlockhash, what + " Nonce names block "
                    + block.number() + " of " + IsoTime.format(block.timestamp()) + ", more than "
                    + SessionTimeRules.MAX_NONCE_AGE_DAYS + " days before now " + IsoTime.format(now));
        }
        return block;
    }
}
