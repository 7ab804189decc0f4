package io.litj.devnet.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.node.LitNodeException;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.TestRegistries;
import io.litj.protocol.LitErrorCode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EthMethodsTest {
    private static final String ZERO = "0".repeat(64);

    private static String word(String hex) {
        return "0".repeat(64 - hex.length()) + hex;
    }

    private static String validator(String portHex, String address) {
        return word("7f000001") + ZERO + word(portHex) + word(address.substring(2)) + ZERO + ZERO + ZERO;
    }

    @Test
    void stakingAnswer_threeRegistryNodes_isTheRegistryEpochThresholdAndNodesWordByWord() {
        String hex = EthMethods.stakingAnswer(TestRegistries.network(3), TestRegistries.nodes(3),
                Instant.parse("2026-06-01T00:00:00Z"));
        String expected = "0x" + word("e10") // epochLength 3600
                + word("5") // number
                + word("6955c710") // endTime: EPOCH_START 2026-01-01T00:00:00Z + 3600 = 1767229200
                + ZERO // retries
                + word("3c") // timeout 60
                + word("2") // minNodeCount: the threshold of 3 nodes
                + word("e0") // offset of the validator array
                + word("3") // its length
                + validator("1d2e", TestRegistries.ADDRESSES.get(0)) // 127.0.0.1:7470
                + validator("1d2f", TestRegistries.ADDRESSES.get(1)) // 127.0.0.1:7471
                + validator("1d30", TestRegistries.ADDRESSES.get(2)); // 127.0.0.1:7472
        assertEquals(expected, hex);
    }

    @Test
    void stakingAnswer_nodeWithHostName_refusedWithInvalidArgumentNamingTheNode() {
        List<NodeEntry> nodes = List.of(new NodeEntry(0, "localhost", 7470, TestRegistries.ADDRESSES.get(0),
                "00".repeat(32)));
        LitNodeException e = assertThrows(LitNodeException.class, () -> EthMethods.stakingAnswer(
                TestRegistries.network(1), nodes, Instant.parse("2026-06-01T00:00:00Z")));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertEquals("node 0: host must be a dotted IPv4 address (the Staking contract stores uint32 ip) but is"
                + " 'localhost'", e.getMessage());
    }
}
