package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.InMemorySessionStore;
import io.litj.client.LitClient;
import io.litj.client.SessionRequest;
import io.litj.client.SessionTerms;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionSig;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, JSON-lines logs: {@code LITJ_LOG_FORMAT=json litj devnet up --verbose} in its own process writes every
 * log line as one JSON object with time, level, logger and message (only the command's own {@code litj: } progress
 * messages stay text); the lines of a request carry the request id the
 * client sent and the node; an id that breaks the rules never reaches the log; and a request signed with a session
 * sig leaves neither the signature, the signed message nor the wallet's private key in it.
 */
class JsonLogsTest {
    private static final String ACTION = "LitActions.setResponse({response: 'logged'});";

    @TempDir
    Path temp;

    @Test
    void jsonFormat_requestWithASessionSig_linesCarryTheRequestIdAndNoSecret() throws Exception {
        Path log = temp.resolve("stderr.log");
        ProcessBuilder pb = new ProcessBuilder(NodeProcess.javaCommand("devnet", "up", "--nodes", "3", "--data",
                temp.resolve("devnet").toString(), "--rpc-port", "0", "--base-port", "0", "--json", "--verbose"))
                .redirectError(log.toFile());
        pb.environment().put("LITJ_LOG_FORMAT", "json");
        Process devnet = pb.start();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SessionSig sig;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(devnet.getInputStream(),
                StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertTrue(first != null && first.startsWith("{"), "devnet did not start: " + first + "\n"
                    + (Files.exists(log) ? Files.readString(log) : ""));
            JsonValue.JsonObject state = JsonReader.parseObject(first, LitErrorCode.NodeBadInput, "state");
            String rpcUrl = ((JsonValue.JsonString) state.get("rpcUrl").orElseThrow()).value();
            try (LitClient client = LitClient.builder().rpcUrl(URI.create(rpcUrl))
                    .sessionStore(new InMemorySessionStore()).build(); HttpClient http = HttpClient.newHttpClient()) {
                client.connect();
                SessionSigs sigs = client.getSessionSigs(SessionRequest.of(SessionTerms.of(ResourceAbilityRequest.of(
                        LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION)), PrivateKeyEthSigner.fromBytes(key)));
                String node = client.nodeUrls().getFirst();
                sig = sigs.forNode(node).orElseThrow();
                String body = JsJson.stringify(JsonValue.object().put("code", Base64.getEncoder().encodeToString(
                        ACTION.getBytes(StandardCharsets.UTF_8))).put("authSig", sig.toAuthSig().toJson()).build());
                assertEquals(200, post(http, node + "/web/execute/v1", body, "lit_ops14ok").statusCode());
                assertEquals(404, post(http, node + "/web/nothing", "{}", "lit_ops14missing").statusCode());
                HttpResponse<String> evil = post(http, node + "/web/execute/v1", "{", "evil\"}{\"level\":\"ERROR\"");
                assertTrue(evil.headers().firstValue("X-Correlation-Id").orElseThrow().startsWith("litj_"));
            }
        } finally {
            devnet.destroy();
            if (!devnet.waitFor(30, TimeUnit.SECONDS)) {
                devnet.destroyForcibly();
                devnet.waitFor(10, TimeUnit.SECONDS);
            }
        }

        String text = Files.readString(log);
        List<JsonValue.JsonObject> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("litj: ")) {
                continue; // the command's own progress messages to its user, not log lines
            }
            assertTrue(line.startsWith("{"), "a line that is not JSON: " + line);
            JsonValue.JsonObject o = JsonReader.parseObject(line, LitErrorCode.NodeBadInput, "log line");
            for (String field : List.of("time", "level", "logger", "message")) {
                assertTrue(o.get(field).orElse(null) instanceof JsonValue.JsonString, field + " in " + line);
            }
            lines.add(o);
        }
        List<JsonValue.JsonObject> ok = lines.stream().filter(o -> has(o, "requestId", "lit_ops14ok")).toList();
        assertFalse(ok.isEmpty(), text);
        assertTrue(ok.stream().allMatch(o -> has(o, "node", "0")), ok.toString());
        assertTrue(ok.stream().anyMatch(o -> string(o, "message").contains("execute lit_ops14ok -> 200")),
                ok.toString());
        assertTrue(lines.stream().anyMatch(o -> has(o, "requestId", "lit_ops14missing")), text);
        assertFalse(text.contains("evil"), "a refused request id reached the log");
        assertFalse(text.contains(sig.sig()), "the session signature is in the log");
        assertFalse(text.contains(Hex.encode(key)), "the wallet key is in the log");
        String signed = JsJson.stringify(new JsonValue.JsonString(sig.signedMessage()));
        assertFalse(text.contains(signed.substring(1, signed.length() - 1)), "the signed message is in the log");
    }

    private static HttpResponse<String> post(HttpClient http, String url, String body, String requestId)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean has(JsonValue.JsonObject o, String field, String value) {
        return o.get(field).orElse(null) instanceof JsonValue.JsonString s && s.value().equals(value);
    }

    private static String string(JsonValue.JsonObject o, String field) {
        return o.get(field).orElse(null) instanceof JsonValue.JsonString s ? s.value() : "";
    }
}
