package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.InMemorySessionStore;
import io.litj.client.LitClient;
import io.litj.client.SessionRequest;
import io.litj.client.SessionTerms;
import io.litj.protocol.auth.SessionSig;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.Hex;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
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
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SessionSig sig;
        String text;
        List<JsonValue.JsonObject> lines;
        try (JsonLogDevnet devnet = JsonLogDevnet.start(temp)) {
            try (LitClient client = LitClient.builder().rpcUrl(URI.create(devnet.rpcUrl()))
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
            devnet.close();
            text = devnet.logText();
            lines = devnet.logLines();
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
        return JsonLogDevnet.text(o, field).equals(value);
    }

    private static String string(JsonValue.JsonObject o, String field) {
        return JsonLogDevnet.text(o, field);
    }
}
