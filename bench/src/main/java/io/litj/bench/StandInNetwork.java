package io.litj.bench;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import io.litj.devnet.chain.BlockProducer;
import io.litj.devnet.chain.ChainView;
import io.litj.devnet.registry.SqliteRegistryWriter;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.SqliteRegistry;
import io.litj.protocol.crypto.EthAddress;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A stand-in Lit network that answers the JS SDK's {@code connect()} and {@code executeJs} without doing any work,
 * to time the client side and the transport alone (issue 8): the devnet's chain view (Staking contract answer,
 * block hashes, over a registry of N fake validators) and N Helidon servers on 127.0.0.1, configured like a litj
 * node's, that answer {@code POST /web/handshake[/]} with a canned handshake and {@code POST /web/execute[/v1]} by
 * reading the body and sending a canned {@code {"success":true,…,"response":"1","logs":""}}: no JSON parsing, no
 * signature check, no JavaScript. Prints the same JSON line as {@link BenchDevnet} ({@code "network":"stand-in"})
 * and runs until stdin closes or the process is stopped. Usage: {@code StandInNetwork [nodes=3]}.
 */
public final class StandInNetwork implements AutoCloseable {
    private static final byte[] EXECUTE_ANSWER = ("{\"success\":true,\"signedData\":{},\"decryptedData\":{},"
            + "\"claimData\":{},\"response\":\"1\",\"logs\":\"\"}").getBytes(StandardCharsets.UTF_8);

    private final Path data;
    private final SqliteRegistryWriter writer;
    private final SqliteRegistry registry;
    private final BlockProducer blocks;
    private final ChainView chain;
    private final List<WebServer> servers = new ArrayList<>();

    private StandInNetwork(int n) throws IOException {
        SecureRandom random = new SecureRandom();
        Clock clock = Clock.systemUTC();
        this.data = Files.createTempDirectory("litj-stand-in-");
        List<NodeEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] address = new byte[20];
            byte[] identity = new byte[32];
            random.nextBytes(address);
            random.nextBytes(identity);
            entries.add(new NodeEntry(i, DevnetConfig.HOST, freePort(),
                    EthAddress.parse("0x" + HexFormat.of().formatHex(address), "address").toChecksumString(),
                    HexFormat.of().formatHex(identity)));
        }
        NetworkInfo network = new NetworkInfo(Devnet.CHAIN_ID, 1, NetworkInfo.thresholdFor(n),
                Devnet.STAKING_ADDRESS, clock.instant(), 86_400);
        Path file = DevnetConfig.registryFileIn(data);
        this.writer = SqliteRegistryWriter.create(file, network, entries);
        BlockProducer.appendGenesis(writer, clock, random);
        this.blocks = BlockProducer.builder(writer).clock(clock).random(random)
                .interval(BlockProducer.DEFAULT_INTERVAL).build().start();
        this.registry = SqliteRegistry.open(file);
        byte[] blsKey = new byte[48];
        random.nextBytes(blsKey);
        String key = HexFormat.of().formatHex(blsKey);
        for (NodeEntry e : entries) {
            servers.add(WebServer.builder()
                    .host(e.host())
                    .port(e.port())
                    .routing(r -> r
                            .post("/web/handshake", (req, res) -> handshake(req, res, key))
                            .post("/web/handshake/", (req, res) -> handshake(req, res, key))
                            .post("/web/execute/v1", StandInNetwork::execute)
                            .post("/web/execute", StandInNetwork::execute))
                    .build()
                    .start());
        }
        this.chain = ChainView.builder(registry).port(0).clock(clock).start();
    }

    public static void main(String[] args) throws Exception {
        NetworkProcess.quietLogging();
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        StandInNetwork network = new StandInNetwork(n);
        NetworkProcess.announceAndWait("stand-in", network.chain.url(), network.chain.blockHashUrl(),
                network.registry.nodes().stream().map(NodeEntry::url).toList(), network);
    }

    private void handshake(ServerRequest req, ServerResponse res, String key) {
        drain(req);
        send(res, JsJson.stringify(JsonValue.object()
                .put("serverPublicKey", "")
                .put("subnetPublicKey", key)
                .put("networkPublicKey", key)
                .put("networkPublicKeySet", key)
                .put("clientSdkVersion", req.headers().first(HeaderNames.create("X-Lit-SDK-Version")).orElse(""))
                .put("hdRootPubkeys", new JsonValue.JsonArray(List.of()))
                .put("attestation", JsonValue.JsonNull.INSTANCE)
                .put("latestBlockhash", registry.latestBlock().hash())
                .put("nodeVersion", "stand-in")
                .put("epoch", new JsonValue.JsonNumber(1))
                .build()).getBytes(StandardCharsets.UTF_8));
    }

    private static void execute(ServerRequest req, ServerResponse res) {
        drain(req);
        send(res, EXECUTE_ANSWER);
    }

    private static void drain(ServerRequest req) {
        try (InputStream in = req.content().inputStream()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(ServerResponse res, byte[] body) {
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(body);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        servers.forEach(WebServer::stop);
        chain.close();
        blocks.close();
        registry.close();
        writer.close();
        try (var paths = Files.walk(data)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
