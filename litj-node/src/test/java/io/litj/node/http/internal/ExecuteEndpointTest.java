package io.litj.node.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.actions.IpfsCid;
import io.litj.node.testing.ExecuteBodies;
import io.litj.node.testing.LiveSessions;
import io.litj.node.testing.NodeNetwork;
import io.litj.protocol.testing.MutableClock;
import io.litj.node.testing.NodeHttp.Reply;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.SessionSig;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /web/execute/v1} on a running 3-node network, spoken to over HTTP as the JS SDK does
 * ({@code lit-node-behaviour.md} §1.8, §2, §8). After every test, each node the test called must still run a good
 * action: a refused or failed request never breaks a node.
 */
class ExecuteEndpointTest {
    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    private static final String GOOD_CODE = "LitActions.setResponse({response: 'still ok'});";
    private static final MutableClock CLOCK = new MutableClock(START);

    @TempDir
    static Path dir;

    private static NodeNetwork net;
    private static LiveSessions sessions;
    private static SessionSigs anyAction;

    private final Set<Integer> touched = new TreeSet<>();

    @BeforeAll
    static void startNetwork() {
        net = NodeNetwork.start(dir, 3, CLOCK);
        sessions = new LiveSessions(CLOCK);
        anyAction = sessions.anyAction(net.urls());
    }

    @AfterAll
    static void stopNetwork() {
        if (net != null) {
            net.close();
        }
    }

    @AfterEach
    void everyCalledNode_stillRunsAGoodAction() {
        CLOCK.set(START);
        for (int node : touched) {
            Reply r = execute(node, ExecuteBodies.code(GOOD_CODE, JsonValue.JsonObject.empty(), sig(node)));
            assertEquals(200, r.status(), () -> "node " + node + " after the test: " + r);
            assertEquals("still ok", r.string("response"), () -> "node " + node + ": " + r);
        }
    }

    @Test
    void execute_validSession_runsTheActionOnEveryNodeWithParamsLogsAndAuth() {
        String code = """
                console.log('hello from', greeting);
                LitActions.setResponse({response: JSON.stringify({
                  global: greeting, viaJsParams: jsParams.greeting, n: jsParams.n,
                  wallet: Lit.Auth.authSigAddress, cid: Lit.Auth.actionIpfsIds[0]})});
                """;
        JsonValue.JsonObject params = JsonValue.object().put("greeting", "gm")
                .put("n", new JsonValue.JsonNumber(7)).build();
        String cid = IpfsCid.v0(code.getBytes(StandardCharsets.UTF_8));
        for (int node = 0; node < 3; node++) {
            Reply r = execute(node, ExecuteBodies.code(code, params, sig(node)));

            assertEquals(200, r.status(), r::toString);
            assertEquals(new JsonValue.JsonBoolean(true), r.member("success"));
            assertEquals(JsonValue.JsonObject.empty(), r.member("signedData"));
            assertEquals(JsonValue.JsonObject.empty(), r.member("decryptedData"));
            assertEquals(JsonValue.JsonObject.empty(), r.member("claimData"));
            assertEquals("hello from gm\n", r.string("logs"));
            JsonValue.JsonObject response = JsonReader.parseObject(r.string("response"), LitErrorCode.NodeBadInput,
                    "response");
            assertEquals(JsonValue.object().put("global", "gm").put("viaJsParams", "gm")
                    .put("n", new JsonValue.JsonNumber(7))
                    .put("wallet", sessions.wallet().address().toChecksumString()).put("cid", cid).build(), response);
        }
    }

    @Test
    void execute_walletSession_litAuthHasDatilsMembersAndEmptyValues_frozen() {
        String code = """
                'use strict';
                let frozen = false;
                try { Lit.Auth.actionIpfsIdStack.push('x'); } catch (e) { frozen = e instanceof TypeError; }
                LitActions.setResponse({response: JSON.stringify(Lit.Auth) + ' ' + frozen
                    + ' ' + (Lit.Auth === LitAuth)});
                """;
        String cid = IpfsCid.v0(code.getBytes(StandardCharsets.UTF_8));
        Reply r = execute(0, ExecuteBodies.code(code, JsonValue.JsonObject.empty(), sig(0)));

        assertEquals("{\"actionIpfsIds\":[\"" + cid + "\"],\"actionIpfsIdStack\":[\"" + cid + "\"],"
                + "\"authSigAddress\":\"" + sessions.wallet().address().toChecksumString() + "\","
                + "\"authMethodContexts\":[],\"resources\":[],\"customAuthResource\":\"\"} true true",
                r.string("response"));
    }

    @Test
    void execute_legacyRouteWithoutV1_runsTheActionToo() {
        touched.add(2);
        Reply r = net.http().post(net.url(2) + "/web/execute",
                ExecuteBodies.code("LitActions.setResponse({response: 'legacy'});", JsonValue.JsonObject.empty(),
                        sig(2)));

        assertEquals(200, r.status(), r::toString);
        assertEquals("legacy", r.string("response"));
    }

    @Test
    void execute_bothCodeAndIpfsId_refusedWithNodeInvalidIPFSID() {
        JsonValue.JsonObject body = with(ExecuteBodies.code(GOOD_CODE, JsonValue.JsonObject.empty(), sig(0)),
                "ipfsId", new JsonValue.JsonString(IpfsCid.v0(GOOD_CODE.getBytes(StandardCharsets.UTF_8))));

        assertError(LitErrorCode.NodeInvalidIPFSID, execute(0, body));
    }

    @Test
    void execute_neitherCodeNorIpfsId_refusedWithNodeInvalidIPFSID() {
        JsonValue.JsonObject body = JsonValue.object().put("jsParams", JsonValue.JsonObject.empty())
                .put("authSig", sig(0).toJson()).put("epoch", new JsonValue.JsonNumber(1)).build();

        assertError(LitErrorCode.NodeInvalidIPFSID, execute(0, body));
    }

    @Test
    void execute_ipfsIdOfCodeRunBeforeOnThatNode_runsThatCode() {
        String code = "LitActions.setResponse({response: 'by cid ' + (typeof jsParams)});";
        String cid = IpfsCid.v0(code.getBytes(StandardCharsets.UTF_8));
        Reply byCode = execute(1, ExecuteBodies.code(code, JsonValue.JsonObject.empty(), sig(1)));
        assertEquals(200, byCode.status(), byCode::toString);

        Reply byCid = execute(1, ExecuteBodies.ipfsId(cid, sig(1)));

        assertEquals(200, byCid.status(), byCid::toString);
        assertEquals("by cid object", byCid.string("response"));
    }

    @Test
    void execute_unknownIpfsId_refusedWithNodeIpfsIdNotFound() {
        touched.add(0);
        String neverRun = IpfsCid.v0("// never run on any node".getBytes(StandardCharsets.UTF_8));

        Reply r = execute(0, ExecuteBodies.ipfsId(neverRun, sig(0)));

        assertError(LitErrorCode.NodeIpfsIdNotFound, r);
        assertEquals(404, r.status());
        assertTrue(r.string("message").contains(neverRun) && r.string("message").contains("litj action put"),
                r::toString);
    }

    @Test
    void execute_ipfsIdThatIsNoCid_refusedWithNodeInvalidIPFSID() {
        touched.add(0);
        Reply r = execute(0, ExecuteBodies.ipfsId("Qm0OIl-not-base58", sig(0)));

        assertError(LitErrorCode.NodeInvalidIPFSID, r);
        assertTrue(r.string("message").contains("is not an IPFS CID"), r::toString);
    }

    @Test
    void execute_ipfsIdStoredInTheRegistry_runsOnEveryNodeNeverGivenTheCode() {
        String code = "LitActions.setResponse({response: 'from the registry, cid ' + Lit.Auth.actionIpfsIds[0]});";
        String cid = IpfsCid.v0(code.getBytes(StandardCharsets.UTF_8));
        net.registry().putActionCode(cid, code);
        for (int node = 0; node < 3; node++) {
            touched.add(node);
            Reply r = execute(node, ExecuteBodies.ipfsId(cid, sig(node)));

            assertEquals(200, r.status(), r::toString);
            assertEquals("from the registry, cid " + cid, r.string("response"));
        }
    }

    @Test
    void execute_registryCodeThatIsNotItsCidsCode_refusedAndNotRun() {
        touched.add(2);
        String claimed = IpfsCid.v0("LitActions.setResponse({response: 'the real one'});"
                .getBytes(StandardCharsets.UTF_8));
        net.registry().putActionCode(claimed, "LitActions.setResponse({response: 'swapped in'});");

        Reply r = execute(2, ExecuteBodies.ipfsId(claimed, sig(2)));

        assertError(LitErrorCode.NodeSystemFault, r);
        assertTrue(r.string("message").contains("does not hash to that CID"), r::toString);
        assertTrue(!r.toString().contains("swapped in"), r::toString);
    }

    @Test
    void execute_codeNotBase64_refusedWithNodeBadInput() {
        JsonValue.JsonObject body = with(ExecuteBodies.code(GOOD_CODE, JsonValue.JsonObject.empty(), sig(0)),
                "code", new JsonValue.JsonString("%%% not base64 %%%"));

        assertError(LitErrorCode.NodeBadInput, execute(0, body));
    }

    @Test
    void execute_codeNotUtf8_refusedWithNodeBadInput() {
        JsonValue.JsonObject body = with(ExecuteBodies.code(GOOD_CODE, JsonValue.JsonObject.empty(), sig(0)),
                "code", new JsonValue.JsonString(Base64.getEncoder().encodeToString(new byte[] {(byte) 0xc3, 0x28})));

        Reply r = execute(0, body);

        assertError(LitErrorCode.NodeBadInput, r);
        assertEquals("code is not UTF-8 text", r.string("message"));
    }

    @Test
    void execute_jsParamsNotAnObject_refusedWithNodeBadInput() {
        JsonValue.JsonObject body = with(ExecuteBodies.code(GOOD_CODE, JsonValue.JsonObject.empty(), sig(0)),
                "jsParams", new JsonValue.JsonArray(List.of(new JsonValue.JsonNumber(1))));

        assertError(LitErrorCode.NodeBadInput, execute(0, body));
    }

    @Test
    void execute_authMethodsPresent_refusedWithNodeCannotProvideAuthMethodForEndpoint() {
        JsonValue authMethod = JsonValue.object().put("authMethodType", new JsonValue.JsonNumber(1))
                .put("accessToken", "token").build();
        JsonValue.JsonObject body = with(ExecuteBodies.code(GOOD_CODE, JsonValue.JsonObject.empty(), sig(0)),
                "authMethods", new JsonValue.JsonArray(List.of(authMethod)));

        assertError(LitErrorCode.NodeCannotProvideAuthMethodForEndpoint, execute(0, body));
    }

    @Test
    void execute_authSigMissing_refusedWithNodeInvalidAuthSig() {
        JsonValue.JsonObject body = JsonValue.object().put("code", ExecuteBodies.base64(GOOD_CODE))
                .put("jsParams", JsonValue.JsonObject.empty()).put("epoch", new JsonValue.JsonNumber(1)).build();

        assertError(LitErrorCode.NodeInvalidAuthSig, execute(0, body));
    }

    @Test
    void execute_walletAuthSigInsteadOfSessionSig_refusedWithNodeCannotProvideAuthSigForEndpoint() {
        AuthSig walletSig = sessions.grant(LiveSessions.execution("*"), START.plus(Duration.ofHours(1)));

        assertError(LitErrorCode.NodeCannotProvideAuthSigForEndpoint,
                execute(0, ExecuteBodies.code(GOOD_CODE, JsonValue.JsonObject.empty(), walletSig)));
    }

    @Test
    void execute_authSigMapByChain_refusedWithNodeInvalidMultipleAuthSigs() {
        JsonValue.JsonObject body = with(ExecuteBodies.code(GOOD_CODE, JsonValue.JsonObject.empty(), sig(0)),
                "authSig", JsonValue.object().put("ethereum", sig(0).toJson()).build());

        assertError(LitErrorCode.NodeInvalidMultipleAuthSigs, execute(0, body));
    }

    @Test
    void execute_authSigWithUnknownKey_refusedWithNodeBadInput() {
        JsonValue.ObjectBuilder authSig = JsonValue.object();
        sig(0).toJson().members().forEach(authSig::put);
        authSig.put("extra", "x");
        JsonValue.JsonObject body = with(ExecuteBodies.code(GOOD_CODE, JsonValue.JsonObject.empty(), sig(0)),
                "authSig", authSig.build());

        Reply r = execute(0, body);

        assertError(LitErrorCode.NodeBadInput, r);
        assertEquals(422, r.status());
    }

    @Test
    void execute_sessionSigOfAnotherNode_refusedWithNodeNotAuthorized() {
        Reply r = execute(0, ExecuteBodies.code(GOOD_CODE, JsonValue.JsonObject.empty(), sig(1)));

        assertError(LitErrorCode.NodeNotAuthorized, r);
        assertEquals(403, r.status());
    }

    @Test
    void execute_sessionExpiredBeyondTheGrace_refusedWithNodeExpWrongOrTooLarge() {
        SessionSigs shortLived = sessions.issue(LiveSessions.execution("*"), LiveSessions.execution("*"),
                Duration.ofMinutes(10), net.urls());
        AuthSig authSig = shortLived.forNode(net.url(0)).orElseThrow().toAuthSig();
        CLOCK.set(START.plus(Duration.ofMinutes(10)).plusSeconds(61));

        assertError(LitErrorCode.NodeExpWrongOrTooLarge,
                execute(0, ExecuteBodies.code(GOOD_CODE, JsonValue.JsonObject.empty(), authSig)));
    }

    @Test
    void execute_tamperedSignedMessage_refusedWithNodeInvalidAuthSigSessionKeySignature() {
        SessionSig good = anyAction.forNode(net.url(0)).orElseThrow();
        String tampered = good.signedMessage().replace("\"issuedAt\":\"", "\"issuedAt\":\" ");
        AuthSig authSig = new SessionSig(good.sig(), tampered, good.address()).toAuthSig();

        assertError(LitErrorCode.NodeInvalidAuthSigSessionKeySignature,
                execute(0, ExecuteBodies.code(GOOD_CODE, JsonValue.JsonObject.empty(), authSig)));
    }

    @Test
    void execute_sessionRequestingOnlyAnotherActionsCid_refusedWithNodeResourceIdNotFound() {
        String other = IpfsCid.v0("// another action".getBytes(StandardCharsets.UTF_8));
        SessionSigs scoped = sessions.issue(LiveSessions.execution(other), LiveSessions.execution(other),
                LiveSessions.LIFETIME, net.urls());

        Reply r = execute(0, ExecuteBodies.code(GOOD_CODE, JsonValue.JsonObject.empty(),
                scoped.forNode(net.url(0)).orElseThrow().toAuthSig()));

        assertError(LitErrorCode.NodeResourceIdNotFound, r);
        assertTrue(r.details().getFirst().startsWith("ResourceRequestedCheck: "), r::toString);
    }

    @Test
    void execute_capabilityGrantingOnlyAnotherActionsCid_refusedWithADetailLinePerCapability() {
        String other = IpfsCid.v0("// another action".getBytes(StandardCharsets.UTF_8));
        SessionSigs scoped = sessions.issue(LiveSessions.execution("*"), LiveSessions.execution(other),
                LiveSessions.LIFETIME, net.urls());

        Reply r = execute(0, ExecuteBodies.code(GOOD_CODE, JsonValue.JsonObject.empty(),
                scoped.forNode(net.url(0)).orElseThrow().toAuthSig()));

        assertError(LitErrorCode.NodeResourceIdNotFound, r);
        List<String> details = r.details();
        assertEquals(2, details.size(), r::toString);
        assertTrue(details.get(1).startsWith("capabilities[0] RecapCoverageCheck "), r::toString);
    }

    @Test
    void execute_infiniteLoop_endsWithNodeJsTimeoutError() {
        Reply r = execute(1, ExecuteBodies.code("while (true) {}", JsonValue.JsonObject.empty(), sig(1)));

        assertError(LitErrorCode.NodeJsTimeoutError, r);
        assertEquals(502, r.status());
        // whichever limit stops the loop first on this machine: the statement count, or the test network's
        // short wall-clock limit on a loaded box; both are the same refusal
        String message = r.string("message");
        assertTrue(message.equals("Lit Action exceeded its limit of 2000000 JavaScript statements")
                || message.startsWith("Lit Action timed out after "), message);
    }

    @Test
    void execute_builtinCallRunningPastTheTimeout_endsWithNodeJsTimeoutErrorAtTheWallClockLimit() {
        long start = System.nanoTime();

        Reply r = execute(1, ExecuteBodies.code("const a = []; a.length = 2 ** 32 - 1; a.fill(1);",
                JsonValue.JsonObject.empty(), sig(1)));

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertError(LitErrorCode.NodeJsTimeoutError, r);
        assertEquals("Lit Action timed out after 800 ms", r.string("message"));
        assertTrue(millis >= 790 && millis < 5_000, "took " + millis + " ms");
    }

    @Test
    void execute_throwAfterConsoleLog_endsWithNodeJsExecutionErrorCarryingTheLogs() {
        Reply r = execute(2, ExecuteBodies.code("console.log('before the fall'); throw new Error('boom');",
                JsonValue.JsonObject.empty(), sig(2)));

        assertError(LitErrorCode.NodeJsExecutionError, r);
        assertTrue(r.string("message").contains("boom"), r::toString);
        assertTrue(r.string("logs").contains("before the fall"), r::toString);
    }

    @Test
    void execute_responseLongerThanTheLimit_endsWithNodeJsExecutionError() {
        Reply r = execute(2, ExecuteBodies.code("LitActions.setResponse({response: 'x'.repeat(1025)});",
                JsonValue.JsonObject.empty(), sig(2)));

        assertError(LitErrorCode.NodeJsExecutionError, r);
        assertTrue(r.string("message").contains("Response is too long"), r::toString);
    }

    private Reply execute(int node, JsonValue.JsonObject body) {
        touched.add(node);
        return net.http().post(net.url(node) + "/web/execute/v1", body);
    }

    private static AuthSig sig(int node) {
        return anyAction.forNode(net.url(node)).orElseThrow().toAuthSig();
    }

    private static JsonValue.JsonObject with(JsonValue.JsonObject body, String name, JsonValue value) {
        JsonValue.ObjectBuilder b = JsonValue.object();
        body.members().forEach(b::put);
        return b.put(name, value).build();
    }

    static void assertError(LitErrorCode expected, Reply r) {
        assertEquals(expected.wireName(), r.errorCode(), r::toString);
        assertEquals(expected.httpStatus(), r.status(), r::toString);
        assertEquals(expected.kind().name(), r.string("errorKind"), r::toString);
        assertEquals(new JsonValue.JsonNumber(expected.httpStatus()), r.member("status"), r::toString);
    }
}
