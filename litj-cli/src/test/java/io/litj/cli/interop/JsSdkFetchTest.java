package io.litj.cli.interop;

import static io.litj.protocol.testing.JsonAccess.string;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.litj.devnet.Devnet;
import io.litj.node.fetch.FetchLimits;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.InteropRuns;
import io.litj.protocol.testing.RunOnce;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fetch} in Lit Actions run by the unmodified Lit JS SDK 7.4.0 ({@code interop/fetch-flows.mjs}) on a 3-node
 * devnet whose nodes allow exactly one local test server ({@code --allow-fetch 127.0.0.1:PORT}): the action returns
 * the server's body; an action fetching a node's own port on {@code 127.0.0.1} and {@code localhost} gets the egress
 * refusal, and the node's port is never reached through fetch. Everything stays on 127.0.0.1. The script runs once.
 */
class JsSdkFetchTest {
    private static final String USER_KEY = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";
    private static final String BODY = "hello from the allowed server";

    @TempDir
    static Path dataDir;

    @AutoClose
    private static Devnet devnet;
    private static HttpServer server;
    private static final AtomicInteger SERVED = new AtomicInteger();
    private static final RunOnce<JsonValue.JsonObject> DOCUMENT = new RunOnce<>(JsSdkFetchTest::runScript);

    @BeforeAll
    static void startServerAndDevnet() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", x -> {
            SERVED.incrementAndGet();
            byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            try (x) {
                x.getResponseBody().write(body);
            }
        });
        server.start();
        String allow = "127.0.0.1:" + server.getAddress().getPort();
        devnet = ScriptDevnet.startIfScriptsCanRun(dataDir.resolve("devnet"),
                c -> c.withFetch(FetchLimits.defaults().withAllowed(allow))).orElse(null);
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static String serverUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/data";
    }

    private static int nodePort() {
        return URI.create(devnet.nodeUrls().get(0)).getPort();
    }

    private static JsonValue.JsonObject runScript() {
        return ScriptDevnet.runFlows(devnet, "fetch-flows.mjs", "--user-key", USER_KEY, "--server-url",
                serverUrl(), "--node-port", Integer.toString(nodePort()));
    }

    @Test
    void script_usesThePinnedSdk_andStaysOnLoopback() {
        InteropRuns.assertPinnedLoopbackOnlyAndInTime(DOCUMENT.get());
    }

    @Test
    void actionFetchingTheAllowedServer_returnsItsBody() {
        assertEquals(BODY, string(ScriptDevnet.flow(DOCUMENT.get(), "fetchAllowed"), "response"));
    }

    @Test
    void actionFetchingANodePort_byAddressAndByName_isRefused() {
        String response = string(ScriptDevnet.flow(DOCUMENT.get(), "fetchNodePort"), "response");
        String[] parts = response.split("\\|");
        assertEquals(2, parts.length, response);
        assertEquals("rejected: fetch refused: http://127.0.0.1:" + nodePort() + "/ resolves to 127.0.0.1 "
                + "(loopback); this node's egress policy does not allow it", parts[0]);
        assertEquals(true, parts[1].startsWith("rejected: fetch refused: http://localhost:" + nodePort()
                + "/ resolves to ") && parts[1].contains("(loopback)"), parts[1]);
    }
}
