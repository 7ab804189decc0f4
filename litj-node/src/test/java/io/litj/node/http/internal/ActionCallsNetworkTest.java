package io.litj.node.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.ChainConfig;
import io.litj.node.actions.ActionLimits;
import io.litj.node.actions.IpfsCid;
import io.litj.node.testing.ExecuteBodies;
import io.litj.node.testing.LiveSessions;
import io.litj.node.testing.NodeHttp.Reply;
import io.litj.node.testing.NodeNetwork;
import io.litj.node.testing.TestChain;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Lit.Actions.call} through {@code /web/execute/v1} on a running network: the child stored in the registry
 * runs with its params, sees its own CID and the call stack in {@code Lit.Auth}, shares the response and the log
 * with its caller, fails into a rejected promise, is refused past depth 5 (Datil's message) and for a CID stored
 * nowhere, and counts its chain calls against its caller's budget. The node keeps serving after each.
 */
class ActionCallsNetworkTest {
    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(START);
    private static final String CHILD = """
            console.log('child got', n);
            Lit.Actions.setResponse({response: JSON.stringify({n, ids: Lit.Auth.actionIpfsIds,
                stack: Lit.Auth.actionIpfsIdStack, wallet: Lit.Auth.authSigAddress})});
            """;
    private static final String CHILD_CID = cid(CHILD);
    private static final String SILENT = "console.log('silent child');";
    private static final String THROWS = "console.log('about to throw'); throw new Error('child broke');";
    private static final String RECURSE = """
            (async () => {
              console.log('depth', depth);
              await Lit.Actions.call({ipfsId: self, params: {self, depth: depth + 1}});
            })();
            """;
    private static final String NONCES = """
            (async () => {
              for (let i = 0; i < count; i++) {
                await Lit.Actions.getLatestNonce({address: '0x' + 'ab'.repeat(20), chain: 'ethereum'});
              }
              Lit.Actions.setResponse({response: 'child made ' + count});
            })();
            """;

    @TempDir
    static Path dir;

    @AutoClose
    private static TestChain chain;
    @AutoClose
    private static NodeNetwork net;
    private static SessionSigs anyAction;

    @BeforeAll
    static void start() {
        chain = TestChain.start();
        net = NodeNetwork.start(dir, 3, CLOCK, ActionLimits.defaults().withTimeout(Duration.ofSeconds(20)),
                ChainConfig.of(Map.of("ethereum", chain.url())).withMaxCallsPerRequest(3));
        anyAction = new LiveSessions(CLOCK).anyAction(net.urls());
        for (String code : new String[] {CHILD, SILENT, THROWS, RECURSE, NONCES}) {
            net.registry().putActionCode(cid(code), code);
        }
    }

    private static String cid(String code) {
        return IpfsCid.v0(code.getBytes(StandardCharsets.UTF_8));
    }

    private static Reply execute(int node, String code, JsonValue.JsonObject params) {
        AuthSig sig = anyAction.forNode(net.url(node)).orElseThrow().toAuthSig();
        Reply r = net.http().post(net.url(node) + "/web/execute/v1", ExecuteBodies.code(code, params, sig));
        assertEquals(200, r.status(), r::toString);
        return r;
    }

    private static JsonValue.JsonObject json(String text) {
        return JsonReader.parseObject(text, LitErrorCode.NodeBadInput, "test");
    }

    @Test
    void call_runsTheStoredChild_withItsParamsAndStack_andSharesResponseAndLog() {
        String parent = """
                (async () => {
                  console.log('parent first');
                  const got = await Lit.Actions.call({ipfsId: child, params: {n: 7}});
                  console.log('parent after', JSON.stringify(Lit.Auth.actionIpfsIdStack));
                  Lit.Actions.setResponse({response: JSON.stringify({got: JSON.parse(got)})});
                })();
                """;
        String parentCid = cid(parent);
        Reply r = execute(1, parent, json("{\"child\":\"" + CHILD_CID + "\"}"));

        JsonValue.JsonObject got = (JsonValue.JsonObject) json(r.string("response")).get("got").orElseThrow();
        assertEquals(json("{\"n\":7,\"ids\":[\"" + CHILD_CID + "\"],\"stack\":[\"" + parentCid + "\",\""
                + CHILD_CID + "\"],\"wallet\":\"" + new LiveSessions(CLOCK).wallet().address().toChecksumString()
                + "\"}"), got);
        assertEquals("parent first\nchild got 7\nparent after [\"" + parentCid + "\"]\n", r.string("logs"));
    }

    @Test
    void call_childSetsNoResponse_resolvesToTheCallersAndLeavesIt() {
        Reply r = execute(0, """
                (async () => {
                  Lit.Actions.setResponse({response: 'mine'});
                  const got = await Lit.Actions.call({ipfsId: silent});
                  console.log('got', got);
                })();
                """, json("{\"silent\":\"" + cid(SILENT) + "\"}"));

        assertEquals("mine", r.string("response"));
        assertEquals("silent child\ngot mine\n", r.string("logs"));
    }

    @Test
    void call_childResponse_becomesTheCallersResponse() {
        Reply r = execute(0, "Lit.Actions.setResponse({response: 'mine'}); Lit.Actions.call({ipfsId: child, "
                + "params: {n: 1}});", json("{\"child\":\"" + CHILD_CID + "\"}"));

        assertEquals(1.0, ((JsonValue.JsonNumber) json(r.string("response")).get("n").orElseThrow()).value());
    }

    @Test
    void call_childThrows_rejectsTheCallWithItsError_andKeepsItsLog() {
        Reply r = execute(2, """
                (async () => {
                  try { await Lit.Actions.call({ipfsId: bad}); }
                  catch (e) { Lit.Actions.setResponse({response: e.message}); }
                })();
                """, json("{\"bad\":\"" + cid(THROWS) + "\"}"));

        assertEquals("NodeJsExecutionError: Uncaught Error: child broke (line 1, column 38)", r.string("response"));
        assertEquals("about to throw\n", r.string("logs"));
    }

    @Test
    void call_pastDepthFive_refusedWithDatilsMessage() {
        String self = cid(RECURSE);
        Reply r = execute(0, """
                (async () => {
                  try { await Lit.Actions.call({ipfsId: self, params: {self, depth: 1}}); }
                  catch (e) { Lit.Actions.setResponse({response: e.message}); }
                })();
                """, json("{\"self\":\"" + self + "\"}"));

        assertEquals("depth 1\ndepth 2\ndepth 3\ndepth 4\ndepth 5\n", r.string("logs"));
        // the refusal at depth 6 fails depth 5, whose failure fails depth 4, and so on up to the top's catch
        assertTrue(r.string("response").startsWith("NodeJsExecutionError: Uncaught Error: ".repeat(5)
                + "LitActions.call: The recursion limit of a child action is 5 and you have attempted to exceed that "
                + "limit."), r.string("response"));
    }

    @Test
    void call_unknownCid_rejectsWithNodeIpfsIdNotFound() {
        String unknown = cid("// stored nowhere");
        Reply r = execute(1, """
                (async () => {
                  try { await Lit.Actions.call({ipfsId: unknown}); }
                  catch (e) { Lit.Actions.setResponse({response: e.message}); }
                })();
                """, json("{\"unknown\":\"" + unknown + "\"}"));

        assertEquals("LitActions.call: NodeIpfsIdNotFound: no Lit Action code is stored under ipfsId " + unknown,
                r.string("response"));
    }

    @Test
    void call_childsChainCalls_countAgainstTheCallersBudget() {
        String parent = """
                (async () => {
                  await Lit.Actions.getLatestNonce({address: '0x' + 'ab'.repeat(20), chain: 'ethereum'});
                  await Lit.Actions.getLatestNonce({address: '0x' + 'ab'.repeat(20), chain: 'ethereum'});
                  const out = [await Lit.Actions.call({ipfsId: nonces, params: {count: 1}})];
                  try { await Lit.Actions.call({ipfsId: nonces, params: {count: 1}}); }
                  catch (e) { out.push(e.message); }
                  Lit.Actions.setResponse({response: out.join('|')});
                })();
                """;
        Reply r = execute(2, parent, json("{\"nonces\":\"" + cid(NONCES) + "\"}"));

        assertTrue(r.string("response").startsWith("child made 1|NodeJsExecutionError: "), r.string("response"));
        assertTrue(r.string("response").contains("an action may make at most 3 chain calls"), r.string("response"));
    }
}
