package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.devnet.evm.AnvilBinary;
import io.litj.devnet.testing.TestAnvil;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code litj devnet up --chain} and {@code --key-pool}: the values they take; an anvil devnet in the background with
 * status and down.
 */
class DevnetChainOptionTest {
    @TempDir
    Path temp;

    @Test
    void anUnknownChain_isAUsageError_andWritesNothing() {
        Path data = temp.resolve("d");
        LitjRun run = LitjRun.litj("devnet", "up", "--chain", "ganache", "--data", data.toString());
        assertEquals(Exit.USAGE, run.code(), run.both());
        assertTrue(run.err().contains("--chain must be embedded or anvil, not ganache"), run.both());
        assertFalse(Files.exists(data));
    }

    @Test
    void anvilInTheBackground_upStatusDown_stopsNodesAndAnvil_andTheFolderRefusesAnEmbeddedStart() throws Exception {
        Path anvil = AnvilBinary.locate(TestAnvil.cacheDir());
        Path data = temp.resolve("d");
        ProcessBuilder up = new ProcessBuilder(NodeProcess.javaCommand("devnet", "up", "--chain", "anvil",
                "--background", "--require-capacity", "--rpc-port", Integer.toString(TestAnvil.freePort()),
                "--data", data.toString())).redirectErrorStream(true);
        up.environment().put(AnvilBinary.ENV, anvil.toString());
        up.environment().put("LITJ_HOME", temp.resolve("home").toString());
        Process parent = up.start();
        String printed = new String(parent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(parent.waitFor(120, TimeUnit.SECONDS), printed);
        try {
            assertEquals(0, parent.exitValue(), printed);
            LitjRun status = LitjRun.litj("devnet", "status", "--json", "--data", data.toString());
            assertEquals(Exit.OK, status.code(), status.both());
            JsonValue.JsonObject s = JsonReader.parseObject(status.out(), LitErrorCode.InvalidArgument, "status");
            assertEquals("allocation", ((JsonValue.JsonString) s.get("capacityMode").orElseThrow()).value());
            String rpcUrl = ((JsonValue.JsonString) s.get("rpcUrl").orElseThrow()).value();
            List<JsonValue> nodes = ((JsonValue.JsonArray) s.get("nodes").orElseThrow()).items();
            assertEquals(3, nodes.size(), status.out());
            String node0 = ((JsonValue.JsonString) ((JsonValue.JsonObject) nodes.get(0)).get("url").orElseThrow())
                    .value();
            assertTrue(get(node0 + "/litj/health").contains("\"capacityMode\":\"allocation\""));
            assertTrue(post(rpcUrl, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}")
                    .contains("0x7a69"), "anvil answers");

            LitjRun embedded = LitjRun.litj("devnet", "up", "--data", data.toString());
            assertEquals(Exit.USAGE, embedded.code(), embedded.both());
            assertTrue(embedded.err().contains("holds an anvil devnet"), embedded.both());

            LitjRun down = LitjRun.litj("devnet", "down", "--data", data.toString());
            assertEquals(Exit.OK, down.code(), down.both());
            assertEquals(Exit.NOT_RUNNING, LitjRun.litj("devnet", "status", "--data", data.toString()).code());
            assertThrows(IOException.class, () -> get(node0 + "/litj/health"), "the node stopped");
            assertThrows(IOException.class, () -> post(rpcUrl, "{}"), "anvil stopped with the devnet");
        } finally {
            LitjRun.litj("devnet", "down", "--data", data.toString());
        }
    }

    private static String get(String url) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    private static String post(String url, String body) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    @Test
    void aKeyPoolOutOfRange_isAUsageError_andWritesNothing() {
        Path data = temp.resolve("d");
        LitjRun run = LitjRun.litj("devnet", "up", "--chain", "anvil", "--key-pool", "65", "--data", data.toString());
        assertEquals(Exit.USAGE, run.code(), run.both());
        assertTrue(run.err().contains("--key-pool must be in [0, 64], not 65"), run.both());
        assertFalse(Files.exists(data));
    }

    @Test
    void aKeyPoolOnTheEmbeddedChain_isAUsageError_andWritesNothing() {
        Path data = temp.resolve("d");
        LitjRun run = LitjRun.litj("devnet", "up", "--key-pool", "2", "--data", data.toString());
        assertEquals(Exit.USAGE, run.code(), run.both());
        assertTrue(run.err().contains("--key-pool applies to --chain anvil only"), run.both());
        assertFalse(Files.exists(data));
    }
}
