package io.litj.node.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.actions.ActionException;
import io.litj.node.actions.ActionHostException;
import io.litj.node.actions.ActionResult;
import io.litj.node.actions.IpfsCid;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.testing.InMemoryRegistry;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ActionCalls} with a recording runner: what a child is run with (its code, params, CID stack, the caller's
 * remaining time), how its result and failure are answered, and every refusal (not a CID, params not an object, the
 * depth limit, no time left, an unknown CID, registry code that is not its CID's) made before anything runs.
 */
class ActionCallsTest {
    private static final String CHILD = "Lit.Actions.setResponse({response: 'child'});";
    private static final String CHILD_CID = IpfsCid.v0(CHILD.getBytes(StandardCharsets.UTF_8));
    private static final String TOP = IpfsCid.v0("top".getBytes(StandardCharsets.UTF_8));
    private static final long FAR = System.nanoTime() + Duration.ofHours(1).toNanos();

    private final List<String> ran = Collections.synchronizedList(new ArrayList<>());
    private final MemoryActionStore store = new MemoryActionStore(1 << 20);

    ActionCallsTest() {
        store.remember(CHILD_CID, CHILD);
    }

    private ActionCalls calls(List<String> stack, long deadline, ActionResult result) {
        return new ActionCalls(store, stack, deadline, (code, params, childStack, timeout) -> {
            ran.add(code + "|" + JsJson.stringify(params) + "|" + childStack + "|" + (timeout.compareTo(Duration.ofMinutes(59)) > 0));
            return result;
        });
    }

    private String refusal(ActionCalls calls, String args) {
        String message = assertThrows(ActionHostException.class, () -> calls.call(args)).getMessage();
        assertEquals(List.of(), ran, "nothing may run before a refusal");
        return message;
    }

    @Test
    void call_runsTheStoredChild_withItsParamsStackAndTheCallersTime_andAnswersItsResponseAndLogs() {
        String answer = calls(List.of(TOP), FAR, new ActionResult("child", "a\n", true))
                .call("{\"ipfsId\":\"" + CHILD_CID + "\",\"params\":{\"n\":1}}");

        assertEquals("{\"response\":\"child\",\"logs\":\"a\\n\",\"error\":null}", answer);
        assertEquals(List.of(CHILD + "|{\"n\":1}|[" + TOP + ", " + CHILD_CID + "]|true"), ran);
    }

    @Test
    void call_childWithoutResponse_answersNull_andAbsentParamsAreEmpty() {
        assertEquals("{\"response\":null,\"logs\":\"\",\"error\":null}", calls(List.of(TOP), FAR,
                new ActionResult("", "", true)).call("{\"ipfsId\":\"" + CHILD_CID + "\"}"));
        assertEquals(List.of(CHILD + "|{}|[" + TOP + ", " + CHILD_CID + "]|true"), ran);
    }

    @Test
    void call_childFails_answersItsErrorAndLogs() {
        ActionCalls calls = new ActionCalls(store, List.of(TOP), FAR, (code, params, stack, timeout) -> {
            throw new ActionException(LitErrorCode.NodeJsExecutionError, "Uncaught Error: boom", "before\n");
        });
        assertEquals("{\"response\":null,\"logs\":\"before\\n\",\"error\":\"NodeJsExecutionError: Uncaught Error: "
                + "boom\"}", calls.call("{\"ipfsId\":\"" + CHILD_CID + "\"}"));
    }

    @Test
    void call_atTheDepthLimit_refusedWithDatilsMessage() {
        List<String> five = List.of(TOP, TOP, TOP, TOP, TOP);
        calls(five, FAR, new ActionResult("ok", "", true)).call("{\"ipfsId\":\"" + CHILD_CID + "\"}");
        assertEquals(1, ran.size(), "depth 5 is allowed");
        ran.clear();
        List<String> six = List.of(TOP, TOP, TOP, TOP, TOP, TOP);
        assertEquals("The recursion limit of a child action is 5 and you have attempted to exceed that limit.",
                refusal(calls(six, FAR, null), "{\"ipfsId\":\"" + CHILD_CID + "\"}"));
    }

    @Test
    void call_badArguments_refused() {
        ActionCalls calls = calls(List.of(TOP), FAR, null);
        assertEquals("ipfsId not/a/cid is not an IPFS CID", refusal(calls, "{\"ipfsId\":\"not/a/cid\"}"));
        assertEquals("ipfsId must be a string of at most 128 characters", refusal(calls,
                "{\"ipfsId\":\"Qm" + "a".repeat(127) + "\"}"));
        assertEquals("ipfsId must be a string of at most 128 characters", refusal(calls, "{}"));
        assertEquals("params must be an object", refusal(calls, "{\"ipfsId\":\"" + CHILD_CID
                + "\",\"params\":[1]}"));
        assertEquals("LitActions.call expects an object like {ipfsId, params}", refusal(calls, "7"));
    }

    @Test
    void call_noTimeLeft_refused() {
        assertEquals("the action has no time left to call a child action", refusal(calls(List.of(TOP),
                System.nanoTime(), null), "{\"ipfsId\":\"" + CHILD_CID + "\"}"));
    }

    @Test
    void call_unknownCid_refusedWithNodeIpfsIdNotFound() {
        String unknown = IpfsCid.v0("stored nowhere".getBytes(StandardCharsets.UTF_8));
        assertEquals("NodeIpfsIdNotFound: no Lit Action code is stored under ipfsId " + unknown,
                refusal(calls(List.of(TOP), FAR, null), "{\"ipfsId\":\"" + unknown + "\"}"));
    }

    @Test
    void call_registryCodeThatIsNotItsCids_refusedAndNotRun() {
        InMemoryRegistry registry = new InMemoryRegistry(new NetworkInfo(31337, 1, 2,
                "0x" + "00".repeat(20), Instant.EPOCH, 3600), List.of());
        String claimed = IpfsCid.v0("the real code".getBytes(StandardCharsets.UTF_8));
        registry.putActionCode(claimed, "Lit.Actions.setResponse({response: 'swapped'});");
        ActionCalls calls = new ActionCalls(new RegistryActionStore(registry, new MemoryActionStore(1 << 20)),
                List.of(TOP), FAR, (code, params, stack, timeout) -> {
                    ran.add(code);
                    return new ActionResult("", "", true);
                });
        String message = refusal(calls, "{\"ipfsId\":\"" + claimed + "\"}");
        assertTrue(message.startsWith("NodeSystemFault: the code stored under " + claimed + " does not hash"),
                message);
    }
}
