package io.litj.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Keccak-256 values are the well-known Ethereum ones (also given by ethers 5 {@code utils.keccak256}); SHA-256 values
 * are FIPS 180-2 / RFC 6234 "abc" and the empty-string digest.
 */
class HashesTest {

    @Test
    void keccak256_emptyString_isEthereumEmptyHash() {
        assertEquals("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
                Hex.encode(Hashes.keccak256("")));
    }

    @Test
    void keccak256_abc_isKnownValue() {
        assertEquals("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
                Hex.encode(Hashes.keccak256("abc")));
        assertEquals("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
                Hex.encode(Hashes.keccak256("abc".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void sha256_abc_isFips180Value() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Hex.encode(Hashes.sha256("abc")));
    }

    @Test
    void sha256_empty_isKnownValue() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                Hex.encode(Hashes.sha256(new byte[0])));
    }
}
