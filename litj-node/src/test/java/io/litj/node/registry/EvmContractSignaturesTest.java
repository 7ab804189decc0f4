package io.litj.node.registry;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.rpc.EthRpc;
import io.litj.node.testing.TestChain;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.LitProtocolException;
import io.litj.protocol.chain.AbiFunction;
import io.litj.protocol.chain.AbiValue;
import io.litj.protocol.chain.Erc1271;
import io.litj.protocol.crypto.Bytes;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The node's EIP-1271 call against a JSON-RPC chain on 127.0.0.1 ({@link TestChain}, counting calls): the magic
 * answer passes and is believed for {@link EvmContractSignatures#CACHE_TTL} by the injected clock; every other
 * answer, a revert and an address with no code are {@code NodeContractAuthsigUnauthorized} and never kept; a chain
 * that does not answer is {@code NodeBlockchainError}.
 */
class EvmContractSignaturesTest {
    private static final EthAddress WALLET = EthAddress.parse("0x5FbDB2315678afecb367f032d93F642f64180aa3", "w");
    private static final byte[] DIGEST = filled(32, 0x11);
    private static final byte[] SIG = filled(130, 0x22);
    /** The same call with no return values: what a chain answers ({@code 0x}) for an address without code. */
    private static final AbiFunction ANSWERS_NOTHING = AbiFunction.of("isValidSignature", "(bytes32,bytes)", "()");

    @AutoClose
    private final TestChain chain = TestChain.start();
    @AutoClose
    private final EthRpc rpc = new EthRpc(chain.url(), Duration.ofSeconds(5));
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final EvmContractSignatures signatures = new EvmContractSignatures(rpc, clock);

    private static byte[] filled(int n, int b) {
        byte[] out = new byte[n];
        Arrays.fill(out, (byte) b);
        return out;
    }

    private static List<AbiValue> args(byte[] digest, byte[] sig) {
        return List.of(new AbiValue.FixedBytes(Bytes.of(digest)), new AbiValue.DynamicBytes(Bytes.of(sig)));
    }

    private void wallet(byte[] answer) {
        chain.answer(WALLET, Erc1271.IS_VALID_SIGNATURE, args(DIGEST, SIG),
                List.of(new AbiValue.FixedBytes(Bytes.of(answer))));
    }

    private LitErrorCode refusal() {
        return assertThrows(LitProtocolException.class, () -> signatures.verify(WALLET, DIGEST, SIG)).code();
    }

    @Test
    void magicValue_passes_andIsNotAskedAgainUntilTheCacheTimeHasPassed() {
        wallet(Erc1271.MAGIC_VALUE.toByteArray());
        assertEquals("0x1626ba7e", Erc1271.MAGIC_VALUE.hex0x());
        signatures.verify(WALLET, DIGEST, SIG);
        signatures.verify(WALLET, DIGEST, SIG);
        assertEquals(1, chain.received(), "the second question is answered from the cache");
        clock.advance(EvmContractSignatures.CACHE_TTL.minusSeconds(1));
        signatures.verify(WALLET, DIGEST, SIG);
        assertEquals(1, chain.received());
        clock.advance(Duration.ofSeconds(1));
        signatures.verify(WALLET, DIGEST, SIG);
        assertEquals(2, chain.received(), "asked again once the cache time is over");
    }

    @Test
    void anotherSignatureOrDigest_isAskedSeparately() {
        wallet(Erc1271.MAGIC_VALUE.toByteArray());
        signatures.verify(WALLET, DIGEST, SIG);
        byte[] otherSig = SIG.clone();
        otherSig[0] ^= 1;
        assertThrows(LitProtocolException.class, () -> signatures.verify(WALLET, DIGEST, otherSig));
        assertEquals(2, chain.received());
    }

    @Test
    void anyOtherAnswer_isUnauthorized_andNotKept() {
        wallet(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
        assertEquals(LitErrorCode.NodeContractAuthsigUnauthorized, refusal());
        assertEquals(LitErrorCode.NodeContractAuthsigUnauthorized, refusal());
        assertEquals(2, chain.received(), "a refusal is asked again");
        wallet(Erc1271.MAGIC_VALUE.toByteArray());
        assertDoesNotThrow(() -> signatures.verify(WALLET, DIGEST, SIG));
    }

    @Test
    void revert_isUnauthorized() {
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> signatures.verify(WALLET, DIGEST, SIG)); // TestChain reverts calls it has no answer for
        assertEquals(LitErrorCode.NodeContractAuthsigUnauthorized, e.code());
        assertTrue(e.getMessage().contains("reverted"), e.getMessage());
    }

    @Test
    void noCodeAtTheAddress_isUnauthorized() {
        chain.answer(WALLET, ANSWERS_NOTHING, args(DIGEST, SIG), List.of());
        LitProtocolException e = assertThrows(LitProtocolException.class,
                () -> signatures.verify(WALLET, DIGEST, SIG));
        assertEquals(LitErrorCode.NodeContractAuthsigUnauthorized, e.code());
        assertTrue(e.getMessage().contains("no contract"), e.getMessage());
    }

    @Test
    void chainAnsweringHttp500_isBlockchainError_andNotKept() {
        chain.raw(500, "down".getBytes(StandardCharsets.UTF_8));
        assertEquals(LitErrorCode.NodeBlockchainError, refusal());
        assertEquals(LitErrorCode.NodeBlockchainError, refusal());
        assertEquals(2, chain.received());
    }

    @Test
    void chainThatNeverAnswers_isBlockchainErrorAfterTheRpcTimeBound() {
        chain.stall(true);
        try (EthRpc quick = new EthRpc(chain.url(), Duration.ofMillis(300))) {
            LitProtocolException e = assertThrows(LitProtocolException.class,
                    () -> new EvmContractSignatures(quick, clock).verify(WALLET, DIGEST, SIG));
            assertEquals(LitErrorCode.NodeBlockchainError, e.code());
            assertTrue(e.getMessage().contains("no answer within 300 ms"), e.getMessage());
        }
    }

    @Test
    void closedChain_isBlockchainError() {
        chain.close();
        assertEquals(LitErrorCode.NodeBlockchainError, refusal());
    }
}
