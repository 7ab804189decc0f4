package io.litj.node.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.actions.ActionLimits;
import io.litj.node.testing.ExecuteBodies;
import io.litj.node.testing.LiveSessions;
import io.litj.node.testing.NodeHttp.Reply;
import io.litj.node.testing.NodeNetwork;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Lit.Actions.runOnce} and {@code broadcastAndCollect} on a running 3-node network, the same request (one
 * {@code X-Request-Id}) sent to every node as the JS SDK sends it: exactly one node runs the once-body and all return
 * its value; every node collects all three values, its own last; the bounds refuse before any network work.
 */
class ActionPeersNetworkTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private static final String ONCE = """
            (async () => {
              const v = await Lit.Actions.runOnce({waitForResponse: true, name: 'pick'}, async () => {
                console.log('ran the once-body');
                return 'leader-' + Math.random();
              });
              const quiet = await Lit.Actions.runOnce({waitForResponse: false, name: 'quiet'}, async () => 'q');
              Lit.Actions.setResponse({response: JSON.stringify({v, quiet: quiet === undefined ? 'undefined' : quiet})});
            })();""";
    private static final String COLLECT = """
            (async () => {
              const mine = 'node-' + Math.random();
              const all = await Lit.Actions.broadcastAndCollect({name: 'temperature', value: mine});
              Lit.Actions.setResponse({response: JSON.stringify({mine, all})});
            })();""";

    @TempDir
    static Path dir;
    private static NodeNetwork net;
    private static SessionSigs sigs;
    private static int requests;

    @BeforeAll
    static void start() {
        net = NodeNetwork.start(dir, 3, CLOCK, ActionLimits.defaults().withTimeout(Duration.ofSeconds(60)));
        sigs = new LiveSessions(CLOCK).anyAction(net.urls());
    }

    @AfterAll
    static void stop() {
        if (net != null) {
            net.close();
        }
    }

    @Test
    void runOnce_exactlyOneNodeRunsTheBody_andEveryNodeReturnsItsValue() {
        List<Reply> replies = executeEverywhere(ONCE, "run-once-" + (++requests));

        int ran = 0;
        Set<String> values = new HashSet<>();
        int undefinedQuiet = 0;
        for (Reply r : replies) {
            assertEquals(200, r.status(), r::toString);
            ran += r.string("logs").contains("ran the once-body") ? 1 : 0;
            JsonValue.JsonObject o = JsonReader.parseObject(r.string("response"), LitErrorCode.NodeBadInput, "r");
            values.add(((JsonValue.JsonString) o.get("v").orElseThrow()).value());
            undefinedQuiet += o.get("quiet").orElseThrow().equals(new JsonValue.JsonString("undefined")) ? 1 : 0;
        }
        assertEquals(1, ran, replies::toString);
        assertEquals(1, values.size(), values::toString);
        assertTrue(values.iterator().next().startsWith("leader-"), values::toString);
        assertEquals(2, undefinedQuiet, "without waitForResponse the others get undefined at once");
    }

    @Test
    void broadcastAndCollect_everyNodeGetsAllThreeValues_itsOwnLast() {
        List<Reply> replies = executeEverywhere(COLLECT, "collect-" + (++requests));

        Set<String> mine = new HashSet<>();
        List<Set<String>> collected = new ArrayList<>();
        for (Reply r : replies) {
            assertEquals(200, r.status(), r::toString);
            JsonValue.JsonObject o = JsonReader.parseObject(r.string("response"), LitErrorCode.NodeBadInput, "r");
            String own = ((JsonValue.JsonString) o.get("mine").orElseThrow()).value();
            List<String> all = ((JsonValue.JsonArray) o.get("all").orElseThrow()).items().stream()
                    .map(v -> ((JsonValue.JsonString) v).value()).toList();
            assertEquals(3, all.size(), all::toString);
            assertEquals(own, all.getLast(), "this node's value comes last");
            mine.add(own);
            collected.add(new HashSet<>(all));
        }
        assertEquals(3, mine.size());
        collected.forEach(c -> assertEquals(mine, c));
    }

    @Test
    void broadcastAndCollect_overlongNameOrValue_orNoValue_refusedInsideTheAction() {
        String code = """
                (async () => {
                  const out = [];
                  for (const args of [{name: 'n'.repeat(257), value: 'v'}, {name: 'n', value: 'v'.repeat(65537)},
                                      {name: 'n'}]) {
                    try { await Lit.Actions.broadcastAndCollect(args); out.push('ran'); }
                    catch (e) { out.push(e.message); }
                  }
                  Lit.Actions.setResponse({response: JSON.stringify(out)});
                })();""";
        Reply r = net.http().post(net.url(0) + "/web/execute/v1", ExecuteBodies.code(code,
                JsonValue.JsonObject.empty(), sigs.forNode(net.url(0)).orElseThrow().toAuthSig()),
                "X-Request-Id", "bounds-" + (++requests));

        assertEquals(200, r.status(), r::toString);
        String out = r.string("response");
        assertTrue(out.contains("name must be a string of at most 256 characters")
                && out.contains("value must be a string of at most 65536 characters")
                && out.contains("value must be a string"), out);
    }

    @Test
    void broadcastAndCollect_31stCallOfOneAction_refusedWithDatilsLimitMessage() {
        String code = """
                (async () => {
                  let done = 0;
                  try {
                    for (let i = 0; i < 31; i++) {
                      await Lit.Actions.broadcastAndCollect({name: 'n' + i, value: String(i)});
                      done++;
                    }
                  } catch (e) {
                    Lit.Actions.setResponse({response: done + ': ' + e.message});
                  }
                })();""";
        for (Reply r : executeEverywhere(code, "limit-" + (++requests))) {
            assertEquals(200, r.status(), r::toString);
            assertEquals("30: LitActions.broadcastAndCollect: You may not use broadcast and collect functionality "
                    + "more than 30 times per session and you have attempted to exceed that limit.",
                    r.string("response"));
        }
    }

    @Test
    void broadcastAndCollect_requestWithoutRequestId_refusedInsideTheAction() {
        String code = """
                (async () => {
                  try { await Lit.Actions.broadcastAndCollect({name: 'n', value: 'v'}); }
                  catch (e) { Lit.Actions.setResponse({response: e.message}); }
                })();""";
        Reply r = net.http().post(net.url(1) + "/web/execute/v1", ExecuteBodies.code(code,
                JsonValue.JsonObject.empty(), sigs.forNode(net.url(1)).orElseThrow().toAuthSig()));

        assertEquals(200, r.status(), r::toString);
        assertTrue(r.string("response").contains("this request has no X-Request-Id"), r::toString);
    }

    private static List<Reply> executeEverywhere(String code, String requestId) {
        List<Future<Reply>> sent;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) { // close() waits for all three
            sent = IntStream.range(0, 3).mapToObj(node -> pool.submit(() -> net.http().post(
                    net.url(node) + "/web/execute/v1", ExecuteBodies.code(code, JsonValue.JsonObject.empty(),
                            sigs.forNode(net.url(node)).orElseThrow().toAuthSig()), "X-Request-Id", requestId)))
                    .toList();
        }
        return sent.stream().map(Future::resultNow).toList();
    }
}
