package io.litj.node.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.litj.node.LitNodeException;
import io.litj.node.rpc.EthRpc;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.crypto.EthAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ContractEvents} against a scripted JSON-RPC endpoint: which log says what changed, the bounded block range of
 * one poll, and a range whose logs cannot be read (everything dropped, the range skipped).
 */
class ContractEventsTest {
    private static final EvmContracts CONTRACTS = new EvmContracts(address(1), address(2), address(3), address(4),
            address(5), address(6));
    private static final String TOKEN = "00".repeat(31) + "2a";
    private static final String TRANSFER = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    private final List<String> getLogsRanges = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private EthRpc rpc;

    @AfterEach
    void stop() {
        if (rpc != null) {
            rpc.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void poll_reportsEachContractsLogAsWhatItChanges() throws IOException {
        String logs = "[" + log(CONTRACTS.staking(), "0x01") + "," + log(CONTRACTS.pkpPermissions(), "0x01", "0x" + TOKEN)
                + "," + log(CONTRACTS.pkpNft(), TRANSFER, "0x" + "00".repeat(32), "0x" + "00".repeat(32), "0x" + TOKEN)
                + "," + log(CONTRACTS.rateLimitNft(), "0x02") + "]";
        ContractEvents events = new ContractEvents(reads(m -> m.equals("eth_blockNumber") ? "\"0x10\"" : logs),
                CONTRACTS, 0x0f);
        Recorder sink = new Recorder();

        assertEquals(4, events.poll(sink));
        assertEquals(List.of("network", "pkp " + TOKEN, "pkp " + TOKEN, "credits"), sink.seen);
        assertEquals(0, events.poll(sink), "no new block, no read");
        assertEquals(1, getLogsRanges.size());
    }

    @Test
    void poll_farBehind_readsAtMostOneThousandBlocksAPoll() throws IOException {
        ContractEvents events = new ContractEvents(reads(m -> m.equals("eth_blockNumber") ? "\"0x1000\"" : "[]"),
                CONTRACTS, 0);
        events.poll(new Recorder());
        events.poll(new Recorder());
        assertEquals(List.of("0x1-0x3e8", "0x3e9-0x7d0"), getLogsRanges);
    }

    @Test
    void poll_unreadableLogs_dropsEverythingSkipsTheRangeAndFailsWithNodeSystemFault() throws IOException {
        ContractEvents events = new ContractEvents(reads(m -> m.equals("eth_blockNumber") ? "\"0x20\"" : "{}"),
                CONTRACTS, 0x1f);
        Recorder sink = new Recorder();

        LitNodeException e = assertThrows(LitNodeException.class, () -> events.poll(sink));
        assertEquals(LitErrorCode.NodeSystemFault, e.code());
        assertEquals(List.of("everything"), sink.seen);
        assertEquals(0, events.poll(sink), "the range was skipped");
    }

    @Test
    void poll_aPermissionsLogWithoutTokenTopic_dropsEverything() throws IOException {
        String logs = "[" + log(CONTRACTS.pkpPermissions(), "0x01") + "]";
        ContractEvents events = new ContractEvents(reads(m -> m.equals("eth_blockNumber") ? "\"0x2\"" : logs),
                CONTRACTS, 1);
        Recorder sink = new Recorder();
        events.poll(sink);
        assertEquals(List.of("everything"), sink.seen);
    }

    private static final class Recorder implements ContractEvents.Sink {
        final List<String> seen = new ArrayList<>();

        @Override
        public void networkChanged() {
            seen.add("network");
        }

        @Override
        public void pkpChanged(String tokenHex) {
            seen.add("pkp " + tokenHex);
        }

        @Override
        public void creditsChanged() {
            seen.add("credits");
        }

        @Override
        public void everythingChanged() {
            seen.add("everything");
        }
    }

    /** Reads against a local endpoint answering each method's {@code result} JSON as {@code answer} says. */
    private ContractReads reads(Function<String, String> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String method = body.replaceAll(".*\"method\":\"([^\"]+)\".*", "$1");
            if (method.equals("eth_getLogs")) {
                getLogsRanges.add(body.replaceAll(".*\"fromBlock\":\"(0x[0-9a-f]+)\".*", "$1") + "-"
                        + body.replaceAll(".*\"toBlock\":\"(0x[0-9a-f]+)\".*", "$1"));
            }
            String id = body.replaceAll(".*\"id\":(\\d+).*", "$1");
            byte[] out = ("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + answer.apply(method) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        });
        server.start();
        rpc = new EthRpc(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(10));
        return new ContractReads(rpc);
    }

    private static String log(EthAddress from, String... topics) {
        return "{\"address\":\"" + from.toLowerHex() + "\",\"topics\":[\"" + String.join("\",\"", topics) + "\"]}";
    }

    private static EthAddress address(int n) {
        byte[] b = new byte[20];
        b[19] = (byte) n;
        return EthAddress.of(b);
    }

    @Test
    void sanity_theScriptedEndpointAnswersTheBlockNumber() throws IOException {
        ContractReads r = reads(m -> "\"0x7\"");
        assertEquals(7, ContractEvents.head(r));
        assertTrue(getLogsRanges.isEmpty());
    }
}
