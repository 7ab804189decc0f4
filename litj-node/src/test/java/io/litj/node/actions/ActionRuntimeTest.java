package io.litj.node.actions;

import static io.litj.node.actions.SharedRuntime.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an action sees and returns on the happy paths (lit-node-behaviour.md §13). */
class ActionRuntimeTest {
    private static final String AUTH = """
            {"actionIpfsIds":["QmS9h185RMHGzTZYFJYNNmTPFxrGcjtEyMe8HMqBM9RTme"],
             "authSigAddress":"0x2CbEb5f6E4ae3b8d96Ad4b4ac2D4D7e6f0A8f5d3",
             "authMethodContexts":[{"userId":"u1","appId":"a1","authMethodType":1}],
             "resources":[],"customAuthResource":""}""";

    private static ActionResult run(String code) {
        return SharedRuntime.get().run(ActionRequest.of(code));
    }

    private static ActionResult run(String code, String params) {
        return SharedRuntime.get().run(ActionRequest.of(code, json(params)));
    }

    private static ActionException fails(String code, String params) {
        return assertThrows(ActionException.class, () -> run(code, params));
    }

    @Test
    void run_jsParams_areGlobalsAndTheJsParamsObject() {
        ActionResult r = run("""
                LitActions.setResponse({response: hello + ' ' + jsParams.WORLD.join('') + ' ' + typeof jsParams});
                console.log(WORLD);
                """, "{\"hello\":\"hello\",\"WORLD\":[2,0,2,3]}");
        assertEquals(new ActionResult("hello 2023 object", "[ 2, 0, 2, 3 ]\n", true), r);
    }

    @Test
    void run_neverCallsSetResponse_emptyResponse() {
        assertEquals(new ActionResult("", "", true), run("const x = 1 + 1;"));
    }

    @Test
    void run_setResponseTwice_lastWins() {
        assertEquals("second", run("""
                LitActions.setResponse({response: 'first'});
                Lit.Actions.setResponse({response: 'second'});
                """).response());
    }

    @Test
    void run_nonStringResponse_isJsonStringified() {
        assertEquals("{\"a\":1,\"b\":[true,null]}", run("LitActions.setResponse({response: {a: 1, b: [true, null]}})")
                .response());
    }

    @Test
    void run_setResponseWithoutResponseMember_failsWithTypeError() {
        ActionException e = fails("LitActions.setResponse('text')", "{}");
        assertEquals(LitErrorCode.NodeJsExecutionError, e.code());
        assertEquals("Uncaught TypeError: LitActions.setResponse expects an object like {response: \"text\"}"
                + " (line 1, column 12)", e.getMessage());
    }

    @Test
    void run_asyncIifeWithAwaitsAndPromiseAll_settlesBeforeResult() {
        ActionResult r = run("""
                const later = (v) => new Promise((resolve) => resolve(v));
                (async () => {
                  const a = await later(1);
                  const [b, c] = await Promise.all([later(2), (async () => { await null; return 3; })()]);
                  const d = await Promise.race([later(4), new Promise(() => {})]);
                  for (let i = 0; i < 50; i++) await null;
                  console.log('sum', a + b + c + d);
                  LitActions.setResponse({ response: String(a + b + c + d) });
                })();
                """);
        assertEquals(new ActionResult("10", "sum 10\n", true), r);
    }

    @Test
    void run_promiseThatNeverSettles_returnsWhatWasSet() {
        ActionResult r = run("""
                LitActions.setResponse({response: 'early'});
                (async () => {
                  await new Promise(() => {});
                  LitActions.setResponse({response: 'never'});
                })();
                """);
        assertEquals("early", r.response());
    }

    @Test
    void run_rejectionCaughtInsideIife_succeeds() {
        assertEquals("caught nope", run("""
                (async () => {
                  try { await Promise.reject(new Error('nope')); }
                  catch (e) { LitActions.setResponse({response: 'caught ' + e.message}); }
                })();
                """).response());
    }

    @Test
    void run_unhandledRejectionFromIife_failsWithMessageLineAndLogs() {
        ActionException e = fails("""
                console.log('started');
                (async () => {
                  await null;
                  throw new Error('async boom');
                })();
                """, "{}");
        assertEquals(LitErrorCode.NodeJsExecutionError, e.code());
        assertEquals("Uncaught Error: async boom (line 4, column 9)", e.getMessage());
        assertEquals("started\n", e.logs());
    }

    @Test
    void run_rejectionWithNonError_failsInPromise() {
        ActionException e = fails("Promise.reject('plain reason');", "{}");
        assertEquals(LitErrorCode.NodeJsExecutionError, e.code());
        assertEquals("Uncaught (in promise) plain reason", e.getMessage());
    }

    @Test
    void run_litAuth_visibleAndDeepFrozenInSloppyMode() {
        ActionResult r = SharedRuntime.get().run(new ActionRequest("""
                LitAuth.authSigAddress = 'evil';
                LitAuth.authMethodContexts[0].userId = 'evil';
                LitAuth.added = 1;
                LitActions.setResponse({response: JSON.stringify([LitAuth.authSigAddress,
                  Lit.Auth.authMethodContexts[0].userId, LitAuth.added, Object.isFrozen(LitAuth.authMethodContexts[0]),
                  Lit.Auth === LitAuth, LitAuth.actionIpfsIds[0]])});
                """, JsonValue.JsonObject.empty(), json(AUTH), Map.of()));
        assertEquals("[\"0x2CbEb5f6E4ae3b8d96Ad4b4ac2D4D7e6f0A8f5d3\",\"u1\",null,true,true,"
                + "\"QmS9h185RMHGzTZYFJYNNmTPFxrGcjtEyMe8HMqBM9RTme\"]", r.response());
    }

    @Test
    void run_litAuthAssignmentInStrictMode_failsWithTypeError() {
        ActionException e = assertThrows(ActionException.class, () -> SharedRuntime.get().run(new ActionRequest(
                "'use strict';\nLitAuth.authSigAddress = 'evil';", JsonValue.JsonObject.empty(), json(AUTH),
                Map.of())));
        assertEquals(LitErrorCode.NodeJsExecutionError, e.code());
        assertTrue(e.getMessage().startsWith("Uncaught TypeError: "), e.getMessage());
    }

    @Test
    void run_litNamespaces_cannotBeReplacedOrDeleted() {
        assertEquals("function function true", run("""
                LitActions = null; Lit = null; LitAuth = null; LitHeaders = null;
                delete globalThis.LitActions; delete globalThis.Lit;
                Lit.Actions.extra = 1;
                LitActions.setResponse({response: typeof LitActions.setResponse + ' ' + typeof Lit.Actions.setResponse
                  + ' ' + (Lit.Actions.extra === undefined)});
                """).response());
    }

    @Test
    void run_litHeaders_visibleAndFrozen() {
        ActionResult r = SharedRuntime.get().run(new ActionRequest("""
                LitHeaders['x-correlation-id'] = 'changed';
                LitActions.setResponse({response: LitHeaders['x-correlation-id'] + ' ' + Lit.Headers['x-other']
                  + ' ' + Object.isFrozen(LitHeaders)});
                """, JsonValue.JsonObject.empty(), JsonValue.JsonObject.empty(),
                Map.of("x-correlation-id", "abc", "x-other", "def")));
        assertEquals("abc def true", r.response());
    }

    @Test
    void run_unimplementedLitActionsApi_throwsNotAvailable() {
        ActionException e = fails("""
                (async () => {
                  const sig = await LitActions.signEcdsa({toSign, publicKey: '04ab', sigName: 'sig1'});
                })();
                """, "{\"toSign\":[1,2,3]}");
        assertEquals(LitErrorCode.NodeJsExecutionError, e.code());
        assertEquals("Uncaught Error: LitActions.signEcdsa is not available on this node yet (line 2, column 32)",
                e.getMessage());
    }

    @Test
    void run_litActionsApi_hasSetResponseAndEveryDocumentedName() {
        assertEquals("setResponse,signEcdsa,ethPersonalSignMessageEcdsa,signAndCombineEcdsa,isPermittedAction,"
                + "isPermittedAddress,isPermittedAuthMethod,getPermittedActions,getPermittedAddresses,"
                + "getPermittedAuthMethods,getPermittedAuthMethodScopes,checkConditions,call,pubkeyToTokenId,"
                + "uint8arrayToString,uint8arrayFromString,getLatestNonce,callContract,claimKey,broadcastAndCollect,"
                + "decryptAndCombine,decryptToSingleNode,runOnce,getRpcUrl,encrypt",
                run("LitActions.setResponse({response: Object.keys(LitActions).join(',')})").response());
    }

    @Test
    void run_litActionsWithoutHost_eachNamedAfterItsKeyAndNotAvailable() {
        String report = run("""
                const lines = [];
                for (const key of Object.keys(LitActions).slice(1)) {
                  if (PURE.includes(key)) continue;
                  const f = LitActions[key];
                  try { f({}); lines.push(key + ': returned'); } catch (e) { lines.push(f.name + ': ' + e.message); }
                }
                LitActions.setResponse({response: lines.join('\\n')});
                """.replace("PURE", PreludeScript.PURE.stream().map(n -> "'" + n + "'").toList().toString()))
                .response();
        StringBuilder expected = new StringBuilder();
        for (String name : PreludeScript.ACTION_FUNCTIONS) {
            if (PreludeScript.PURE.contains(name)) {
                continue;
            }
            expected.append(expected.isEmpty() ? "" : "\n").append(name).append(": LitActions.").append(name)
                    .append(" is not available on this node yet");
        }
        assertEquals(expected.toString(), report);
    }

    @Test
    void run_multiByteResponseOverBudgetAfterTextEncoderReplaced_stillTooLong() {
        int max = ActionLimits.defaults().maxResponseBytes();
        ActionException e = fails("""
                globalThis.TextEncoder = function () { throw new Error('replaced'); };
                LitActions.setResponse({response: '\u00e9'.repeat(max / 2 + 1)});
                """, "{\"max\":" + max + "}");
        assertEquals(LitErrorCode.NodeJsExecutionError, e.code());
        assertTrue(e.getMessage().startsWith("Uncaught Error: Response is too long. Max length is " + max + " bytes"),
                e.getMessage());
    }

    @Test
    void run_jsParamsNamedLikeLitGlobals_litGlobalsWin() {
        assertEquals("function 1 2", run(
                "LitActions.setResponse({response: typeof console.log + ' ' + jsParams.LitActions + ' ' + jsParams"
                        + ".console})", "{\"LitActions\":1,\"console\":2}").response());
    }

    @Test
    void run_jsParamsOnReadOnlyGlobal_failsAsBadParams() {
        ActionException e = fails("LitActions.setResponse({response: 'unreachable'})", "{\"NaN\":1}");
        assertEquals(LitErrorCode.NodeJsExecutionError, e.code());
        assertTrue(e.getMessage().startsWith("Uncaught TypeError: "), e.getMessage());
        assertEquals("", e.logs());
    }

    @Test
    void run_textEncoderAndDecoder_available() {
        assertEquals("3 é", run("""
                const bytes = new TextEncoder().encode('é!');
                LitActions.setResponse({response: bytes.length + ' ' + new TextDecoder().decode(bytes.slice(0, 2))});
                """).response());
    }

    @Test
    void run_globalsFromEarlierExecution_notVisible() {
        run("globalThis.leak = 'x'; var leakedVar = 1; Object.prototype.polluted = true;");
        assertEquals("undefined undefined undefined", run("""
                LitActions.setResponse({response: typeof leak + ' ' + typeof leakedVar + ' ' + typeof ({}).polluted});
                """).response());
    }
}
