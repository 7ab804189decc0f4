package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.NodeConfig;
import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands that start other processes: {@code litj node --config} and {@code litj devnet up --background}. */
class ProcessesTest {
    @TempDir
    Path temp;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void node_inItsOwnProcess_servesAndStopsOnSigterm() throws Exception {
        try (Devnet devnet = Devnet.start(DevnetConfig.defaults(temp.resolve("d")).withPorts(0, 0), Clock.systemUTC(),
                new SecureRandom())) {
            devnet.stopNode(1);
            Path config = Files.writeString(temp.resolve("node1.json"),
                    NodeConfig.of(devnet.config().registryFile(), 1, devnet.config().nodeDir(1)).toJson());
            Process node = new ProcessBuilder(NodeProcess.javaCommand("node", "--config", config.toString()))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line = out.readLine();
                assertTrue(line != null && line.startsWith("litj node 1 listening on " + devnet.nodeUrls().get(1)),
                        String.valueOf(line));
                try (HttpClient http = HttpClient.newHttpClient()) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(devnet.nodeUrls().get(1)
                            + "/web/handshake")).POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, r.statusCode());
                    assertTrue(r.body().contains("\"nodeIdentityKey\":\""
                            + devnet.registry().nodes().get(1).identityKey() + "\""), r.body());
                }
            } finally {
                node.destroy();
                assertTrue(node.waitFor(20, TimeUnit.SECONDS), "node did not stop on SIGTERM");
                if (node.isAlive()) {
                    node.destroyForcibly();
                }
            }
        }
    }

    @Test
    void devnet_upInTheBackground_statusThenDown() throws Exception {
        Path data = temp.resolve("bg");
        String rpc = Integer.toString(freePort());
        String base = Integer.toString(freePort());
        Files.createDirectories(data);
        Files.writeString(data.resolve("devnet.log"), "error: OLD ERROR OF A PREVIOUS START\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int up = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "devnet", "up", "--background",
                "--nodes", "1", "--data", data.toString(), "--rpc-port", rpc, "--base-port", base);
        try {
            assertEquals(0, up, out + "\n" + err);
            assertTrue(out.toString().contains("rpcUrl http://127.0.0.1:" + rpc), out.toString());
            assertTrue(out.toString().contains("; `litj devnet down --data " + data + "` stops it, log in "
                    + data.resolve("devnet.log")), "the hint repeats --data: " + out);
            assertFalse(Files.readString(data.resolve("devnet.log")).contains("OLD ERROR"),
                    "one log per start: " + Files.readString(data.resolve("devnet.log")));
            LitjRun json = LitjRun.litj("devnet", "status", "--data", data.toString(), "--json");
            assertEquals(0, json.code(), json.both());
            assertTrue(json.out().startsWith("{\"running\":true,\"data\":\"" + data + "\",\"pid\":"), json.out());
            assertTrue(json.out().contains("\"nodes\":[{\"url\":\"http://127.0.0.1:" + base + "\",\"up\":true}]"),
                    json.out());
            String networkKey = DevnetState.read(data).orElseThrow().networkPublicKey();
            assertTrue(networkKey.matches("[0-9a-f]{96}"), "devnet.json names the network key: " + networkKey);
            StringWriter status = new StringWriter();
            assertEquals(0, Main.run(new PrintWriter(status, true), new PrintWriter(new StringWriter()), "devnet",
                    "status", "--data", data.toString()), status.toString());
            assertTrue(status.toString().contains("http://127.0.0.1:" + base + "  up"), status.toString());
        } finally {
            StringWriter down = new StringWriter();
            assertEquals(0, Main.run(new PrintWriter(down, true), new PrintWriter(new StringWriter()), "devnet",
                    "down", "--data", data.toString()));
            assertTrue(down.toString().contains("devnet stopped"), down.toString());
        }
        assertFalse(Files.exists(data.resolve("devnet.json")));
        assertEquals(3, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "devnet",
                "status", "--data", data.toString()));
        LitjRun again = LitjRun.litj("devnet", "down", "--data", data.toString());
        assertEquals(3, again.code(), again.both());
        assertTrue(again.err().contains("error: no devnet is running in " + data + "; nothing to stop (start it with "
                + "`litj devnet up --data " + data + "`)"), again.err());
    }
}
