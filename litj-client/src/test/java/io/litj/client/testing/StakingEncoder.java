package io.litj.client.testing;

import io.litj.protocol.crypto.Hex;
import java.math.BigInteger;
import java.util.List;

/**
 * Writes a {@code getActiveUnkickedValidatorStructsAndCounts()} answer by hand, word by word (the ABI layout of a
 * static 5-word struct, a uint256, then an offset to a dynamic array of static 7-word structs).
 */
public final class StakingEncoder {
    /** One validator: IPv4 as a 32-bit number, port, node address (20 bytes hex), keys as small numbers. */
    public record V(long ip, int port, String addressHex, long reward, long senderPubKey, long receiverPubKey) {
        public static V loopback(int port, String addressHex) {
            return new V(0x7f000001L, port, addressHex, 0, 0, 0);
        }
    }

    private StakingEncoder() {
    }

    public static String encode(long epochLength, long number, long endTime, long retries, long timeout,
                                long minNodeCount, List<V> validators) {
        StringBuilder out = new StringBuilder("0x");
        for (long w : new long[] {epochLength, number, endTime, retries, timeout, minNodeCount, 7 * 32}) {
            out.append(word(w));
        }
        out.append(word(validators.size()));
        for (V v : validators) {
            out.append(word(v.ip())).append(word(0)).append(word(v.port()))
                    .append("0".repeat(24)).append(v.addressHex().replace("0x", "").toLowerCase())
                    .append(word(v.reward())).append(word(v.senderPubKey())).append(word(v.receiverPubKey()));
        }
        return out.toString();
    }

    public static String word(long value) {
        String hex = BigInteger.valueOf(value).toString(16);
        return "0".repeat(64 - hex.length()) + hex;
    }

    /** Hex of raw bytes, for tests that corrupt a word. */
    public static String hex(byte[] b) {
        return Hex.encode(b);
    }
}
