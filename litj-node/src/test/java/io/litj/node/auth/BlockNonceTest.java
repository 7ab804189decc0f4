package io.litj.node.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.node.LitNodeException;
import io.litj.protocol.LitErrorCode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link BlockNonce}: a nonce is a known block hash, not too old ({@code SessionTimeRulesTest} has the boundary). */
class BlockNonceTest {
    private static SessionKeyFixture net;

    @BeforeAll
    static void network() {
        net = SessionKeyFixture.create();
    }

    @AfterAll
    static void close() {
        net.close();
    }

    @Test
    void recent_knownBlockInAnyCase_isThatBlock() {
        BlockNonce nonces = new BlockNonce(net.registry, net.clock);

        assertEquals(net.block, nonces.recent(net.block.hash(), "siwe"));
        assertEquals(net.block, nonces.recent(net.block.hash().toUpperCase().replace("0X", "0x"), "siwe"));
    }

    @Test
    void recent_blockOlderThanTheNonceAgeRule_refusedWithNodeInvalidBlockhash() {
        BlockNonce nonces = new BlockNonce(net.registry, net.clock);
        try {
            net.clock.set(net.oldBlock.timestamp().plus(Duration.ofDays(30)).plusSeconds(1));
            LitNodeException e = assertThrows(LitNodeException.class,
                    () -> nonces.recent(net.oldBlock.hash(), "siwe"));

            assertEquals(LitErrorCode.NodeInvalidBlockhash, e.code());
            assertEquals("siwe Nonce names block 0 of 2026-01-29T12:00:00.000Z, more than 30 days before now "
                    + "2026-02-28T12:00:01.000Z", e.getMessage());
        } finally {
            net.clock.set(SessionKeyFixture.NOW);
        }
    }

    @Test
    void recent_unknownOrMalformedNonce_refusedWithNodeInvalidBlockhash() {
        BlockNonce nonces = new BlockNonce(net.registry, net.clock);

        assertEquals(LitErrorCode.NodeInvalidBlockhash, assertThrows(LitNodeException.class,
                () -> nonces.recent("0x" + "77".repeat(32), "siwe")).code());
        assertEquals(LitErrorCode.NodeInvalidBlockhash, assertThrows(LitNodeException.class,
                () -> nonces.recent("abcdefgh12345678", "siwe")).code());
    }
}
