package io.litj.node.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.litj.node.LitNodeException;
import io.litj.node.NodeConfig;
import io.litj.protocol.LitErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetch limits in the node config (read, written, refused out of range) and the body cut at the byte limit. */
class FetchLimitsTest {
    @TempDir
    Path dir;

    private NodeConfig read(String members) throws IOException {
        Path file = dir.resolve("node.json");
        Files.writeString(file, "{\"registry\":\"r.sqlite\",\"index\":0,\"dataDir\":\"n\"" + members + "}");
        return NodeConfig.read(file);
    }

    @Test
    void nodeConfig_withoutFetchMembers_hasTheDefaults() throws IOException {
        FetchLimits f = read("").fetch();
        assertEquals(FetchLimits.defaults(), f);
        assertEquals(50, f.maxRequests());
        assertEquals(List.of(), f.allow());
    }

    @Test
    void nodeConfig_fetchMembers_areReadAndWrittenBack() throws IOException {
        NodeConfig config = read(",\"maxFetchesPerAction\":3,\"fetchTimeoutMs\":250,\"maxFetchResponseBytes\":4096,"
                + "\"maxFetchRedirects\":0,\"fetchAllow\":[\"127.0.0.1:9000\",\"10.0.0.0/8\"]");
        FetchLimits expected = new FetchLimits(3, Duration.ofMillis(250), 4096, 0,
                List.of("127.0.0.1:9000", "10.0.0.0/8"));
        assertEquals(expected, config.fetch());
        Path again = dir.resolve("again.json");
        Files.writeString(again, config.toJson());
        assertEquals(expected, NodeConfig.read(again).fetch());
    }

    @Test
    void nodeConfig_outOfRangeOrMalformed_isInvalidArgument() {
        String[][] cases = {
                {",\"maxFetchesPerAction\":0", "maxFetchesPerAction must be in [1, 1000] but is 0"},
                {",\"fetchTimeoutMs\":5", "fetchTimeoutMs must be in [10, 300000] but is 5"},
                {",\"maxFetchResponseBytes\":0", "maxFetchResponseBytes must be in [1, 67108864] but is 0"},
                {",\"maxFetchRedirects\":21", "maxFetchRedirects must be in [0, 20] but is 21"},
                {",\"fetchAllow\":[\"localhost\"]",
                        "fetchAllow entry 'localhost' is neither host:port, [ipv6]:port nor a CIDR block"},
                {",\"fetchAllow\":[7]", "fetchAllow entries must be strings"}};
        for (String[] c : cases) {
            LitNodeException e = assertThrows(LitNodeException.class, () -> read(c[0]), c[0]);
            assertEquals(LitErrorCode.InvalidArgument, e.code(), c[0]);
            assertEquals(c[1], e.getMessage(), c[0]);
        }
    }

    @Test
    void body_tenMebibytesToTheEnd_isReadOnlyToTheLimitPlusOne() {
        CountingInput in = new CountingInput(10 * 1024 * 1024);
        assertEquals("fetch failed: the response body of u is longer than this node's limit of 1000 bytes per fetch",
                assertThrows(io.litj.node.actions.ActionHostException.class,
                        () -> HttpWire.toEnd(in, 1000, "u")).getMessage());
        assertEquals(1001, in.read);
    }

    @Test
    void body_chunkedOverTheLimit_stopsBeforeReadingTheChunk() {
        byte[] wire = "ffff\r\n".getBytes();
        CountingInput in = new CountingInput(0, new ByteArrayInputStream(wire));
        assertThrows(io.litj.node.actions.ActionHostException.class, () -> HttpWire.chunked(in, 1000, "u"));
        assertEquals(wire.length, in.read);
    }

    /** A stream of {@code size} zero bytes (or a given one) that counts what was read from it. */
    private static final class CountingInput extends InputStream {
        private final InputStream source;
        long read;

        CountingInput(long size) {
            this(size, null);
        }

        CountingInput(long size, InputStream source) {
            this.source = source != null ? source : new InputStream() {
                private long left = size;

                @Override
                public int read() {
                    return left-- > 0 ? 0 : -1;
                }
            };
        }

        @Override
        public int read() throws IOException {
            int b = source.read();
            if (b >= 0) {
                read++;
            }
            return b;
        }
    }
}
