package io.litj.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.actions.ActionLimits;
import io.litj.node.actions.ActionRuntime;
import io.litj.node.keys.NodeIdentity;
import io.litj.node.registry.NodeEntry;
import io.litj.node.registry.TestRegistries;
import io.litj.node.testing.Await;
import io.litj.node.testing.InMemoryRegistry;
import io.litj.node.testing.ExecuteBodies;
import io.litj.node.testing.LiveSessions;
import io.litj.node.testing.NodeHttp;
import io.litj.node.testing.NodeHttp.Reply;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsJson;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.TestSessions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lit Action slots of in-process nodes that share one {@link ActionRuntime} (as a devnet's nodes do), spoken to
 * over HTTP: each node has its own slots, one caller (the wallet behind the session) may hold only its share of a
 * node's slots, and a failed action's error body stays within the response budget.
 *
 * <p>Each node has 2 slots, so one caller may hold 1 (25 %, at least 1). The busy actions loop without a statement
 * limit and with a 5-minute timeout; the test knows they run by counting the runtime's action threads, never by
 * waiting a fixed time, and ends them by closing the runtime.
 */
class LitNodeActionLimitsTest {
    private static final String BUSY = "while (true) {}";
    private static final String GOOD = "LitActions.setResponse({response: 'ok'});";
    private static final ActionLimits LIMITS = ActionLimits.defaults().withTimeout(ActionLimits.MAX_TIMEOUT)
            .withMaxStatements(Long.MAX_VALUE).withMaxConcurrent(2).withMaxResponseBytes(1024);

    @TempDir
    Path dir;

    private final NodeHttp http = new NodeHttp();
    private final HttpClient busyClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<CompletableFuture<HttpResponse<String>>> busy = new ArrayList<>();
    private final List<LitNode> nodes = new ArrayList<>();
    private ActionRuntime shared;
    private LiveSessions alice;
    private LiveSessions bob;

    @BeforeEach
    void startTwoNodesSharingOneRuntime() throws IOException {
        List<NodeEntry> entries = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            NodeIdentity id = NodeIdentity.loadOrCreate(dir.resolve("node-" + i), new SecureRandom());
            entries.add(new NodeEntry(i, "127.0.0.1", freePort(), id.wallet().address().toChecksumString(),
                    id.identityPublicKey()));
        }
        InMemoryRegistry registry = new InMemoryRegistry(TestRegistries.network(2), entries);
        shared = new ActionRuntime(LIMITS);
        for (int i = 0; i < 2; i++) {
            nodes.add(LitNode.builder(NodeConfig.of(dir.resolve("registry.sqlite"), i, dir.resolve("node-" + i)))
                    .registry(registry).actionRuntime(shared).start());
        }
        alice = new LiveSessions(Clock.systemUTC(), TestSessions.WALLET, TestSessions.SESSION_KEY);
        bob = new LiveSessions(Clock.systemUTC(), TestSessions.OTHER_WALLET, TestSessions.OTHER_SESSION_KEY);
    }

    @AfterEach
    void stopEverything() throws Exception {
        try {
            // closing the shared runtime cancels the busy actions, so their requests end and the nodes stop at once
            shared.close();
            for (CompletableFuture<HttpResponse<String>> request : busy) {
                request.handle((r, e) -> null).get(Await.HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            nodes.forEach(LitNode::close);
            http.close();
            busyClient.close();
        }
    }

    @Test
    void execute_oneNodesSlotsAllBusy_anotherNodeOfTheSameRuntimeStillRunsActions() {
        startBusy(0, alice);
        startBusy(0, bob);
        Await.until(() -> actionThreads() == 2, "both busy actions to run on node 0");

        Reply full = execute(0, alice, GOOD);
        assertEquals(LitErrorCode.NodeConcurrencyOverload.wireName(), full.errorCode(), full::toString);

        Reply other = execute(1, alice, GOOD);
        assertEquals(200, other.status(), other::toString);
        assertEquals("ok", other.string("response"));
    }

    @Test
    void execute_callerHoldsItsShareOfSlots_refusedWith429WhileAnotherCallerRuns() {
        startBusy(0, alice);
        Await.until(() -> actionThreads() == 1, "alice's busy action to run on node 0");

        Reply refused = execute(0, alice, GOOD);
        assertEquals(LitErrorCode.NodeConcurrencyOverload.wireName(), refused.errorCode(), refused::toString);
        assertEquals(429, refused.status(), refused::toString);
        assertEquals("caller " + TestSessions.WALLET.address().toChecksumString() + " already runs 1 Lit Action on "
                + "this node; one caller may run at most 1 of its 2 at once", refused.string("message"));

        Reply other = execute(0, bob, GOOD);
        assertEquals(200, other.status(), other::toString);
        assertEquals("ok", other.string("response"));
    }

    @Test
    void execute_actionThrowsHugeString_errorBodyMessageCutToTheResponseBudget() {
        Reply r = execute(0, alice, "console.log('before'); throw 'x'.repeat(1e6);");

        assertEquals(LitErrorCode.NodeJsExecutionError.wireName(), r.errorCode(), r::toString);
        assertEquals("Uncaught " + "x".repeat(1024) + "… [error text truncated to 1024 bytes]",
                r.string("message"));
        assertEquals("before\n", r.string("logs"));
        assertTrue(r.text().getBytes(StandardCharsets.UTF_8).length < 4096, "body of " + r.text().length()
                + " chars");
    }

    private Reply execute(int node, LiveSessions sessions, String code) {
        return http.post(nodes.get(node).url() + "/web/execute/v1", body(node, sessions, code));
    }

    private void startBusy(int node, LiveSessions sessions) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(nodes.get(node).url() + "/web/execute/v1"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JsJson.stringify(body(node, sessions, BUSY)))).build();
        busy.add(busyClient.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
    }

    private JsonValue.JsonObject body(int node, LiveSessions sessions, String code) {
        String url = nodes.get(node).url();
        return ExecuteBodies.code(code, JsonValue.JsonObject.empty(),
                sessions.anyAction(List.of(url)).forNode(url).orElseThrow().toAuthSig());
    }

    /** Lit Action threads alive now (the runtime runs each execution on its own {@code litj-action-N} thread). */
    /**
     * Action threads running an action now. Action threads are pooled, so an idle one (parked, waiting for work)
     * stays alive between actions; only a thread with an execution on its stack counts.
     */
    private static long actionThreads() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().isAlive() && e.getKey().getName().matches("litj-action-\\d+"))
                .filter(e -> java.util.Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getClassName().endsWith("actions.ActionExecution")))
                .count();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
