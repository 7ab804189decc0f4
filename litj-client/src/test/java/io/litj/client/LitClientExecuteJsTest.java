package io.litj.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.testing.ConnectedClient;
import io.litj.client.testing.FakeLitNetwork;
import io.litj.client.testing.FakeLitNetwork.Recorded;
import io.litj.client.testing.FakeLitNetwork.Reply;
import io.litj.protocol.testing.MutableClock;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.SessionSig;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.testing.TestSessions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** {@code executeJs} end to end: session sigs from the client, checked by each fake node's real validator. */
class LitClientExecuteJsTest {
    private static final String CODE = "Lit.Actions.setResponse({response: JSON.stringify({answer: 42})})";
    private final MutableClock clock = new MutableClock(TestSessions.NOW);
    @AutoClose
    private final ConnectedClient connected = ConnectedClient.start(clock);
    private final FakeLitNetwork net = connected.net();
    private final LitClient client = connected.client();
    private final SessionSigs sigs = connected.anyActionSession();

    private ExecuteJsRequest.Builder request() {
        return ExecuteJsRequest.builder().code(CODE).sessionSigs(sigs)
                .jsParams(JsonValue.object().put("name", "world").build());
    }

    @Test
    void executeJs_allNodesAgree_returnsTheCombinedResponse() {
        ExecuteJsResult r = client.executeJs(request().build());
        assertEquals("{\"answer\":42}", r.response());
        assertEquals(Optional.of(JsonReader.parse("{\"answer\":42}", LitErrorCode.NodeError, "x")), r.responseJson());
        assertEquals("hello from the action\n", r.logs());
        assertEquals(net.nodeUrls(), List.copyOf(r.perNode().keySet()));
    }

    @Test
    void executeJs_eachNodeReceivesItsOwnSessionSigAndTheJsSdkBody() {
        client.executeJs(request().build());
        String requestId = null;
        for (FakeLitNetwork.FakeNode node : net.nodes()) {
            List<Recorded> calls = node.requests("/web/execute/v1");
            assertEquals(1, calls.size());
            Recorded call = calls.get(0);
            JsonValue.JsonObject body = call.json();
            assertEquals(List.of("code", "jsParams", "authSig", "epoch"), List.copyOf(body.members().keySet()));
            assertEquals(new JsonValue.JsonString(Base64.getEncoder()
                    .encodeToString(CODE.getBytes(StandardCharsets.UTF_8))), body.get("code").orElseThrow());
            assertEquals(new JsonValue.JsonNumber(FakeLitNetwork.EPOCH), body.get("epoch").orElseThrow());
            SessionSig received = SessionSig.fromAuthSig(AuthSig.fromJson(body.get("authSig").orElseThrow(),
                    LitErrorCode.NodeError, "authSig"));
            assertEquals(node.url(), received.payload().nodeAddress());
            assertEquals(sigs.forNode(node.url()).orElseThrow(), received);
            if (requestId == null) {
                requestId = call.headers().get("x-request-id");
            }
            assertEquals(requestId, call.headers().get("x-request-id"), "one request id per operation");
        }
    }

    @Test
    void executeJs_oneNodeDiffers_strategyPicksMostOrLeastCommon() {
        net.node(1).response("odd");
        assertEquals("{\"answer\":42}", client.executeJs(request().build()).response());
        ExecuteJsResult least = client.executeJs(request().responseStrategy(ResponseStrategy.LEAST_COMMON).build());
        assertEquals("odd", least.response());
        assertEquals(Optional.empty(), least.responseJson());
    }

    @Test
    void executeJs_nodesRefuse_surfacesEveryNodeErrorMostCommonCodeFirst() {
        net.node(0).executeReply(Reply.error(LitErrorCode.NodeSystemFault, "disk full"));
        net.node(1).executeReply(Reply.error(LitErrorCode.NodeNotAuthorized, "not yours"));
        net.node(2).executeReply(Reply.error(LitErrorCode.NodeNotAuthorized, "not yours"));
        LitClientException e = assertThrows(LitClientException.class, () -> client.executeJs(request().build()));
        assertEquals(LitErrorCode.NodeError, e.code());
        assertEquals(Optional.of("NodeNotAuthorized"), e.nodeErrorCode());
        assertEquals(List.of(net.node(1).url(), net.node(2).url(), net.node(0).url()),
                e.nodeFailures().stream().map(NodeFailure::nodeUrl).toList());
        assertEquals(403, e.nodeFailures().get(0).httpStatus());
        assertTrue(e.getMessage().startsWith("executeJs failed on 3 of 3 nodes (request lit_"), e.getMessage());
        assertTrue(e.getMessage().contains(net.node(1).url() + ": HTTP 403 NodeNotAuthorized not yours"),
                e.getMessage());
    }

    @Test
    void executeJs_sessionForAnotherResource_isRefusedByTheNodesValidator() {
        SessionSigs pkpOnly = client.getSessionSigs(SessionRequest.of(SessionTerms.of(
                ResourceAbilityRequest.of(LitResource.pkp("*"), LitAbility.PKP_SIGNING)), TestSessions.WALLET));
        LitClientException e = assertThrows(LitClientException.class,
                () -> client.executeJs(request().sessionSigs(pkpOnly).build()));
        assertEquals(Optional.of("NodeResourceIdNotFound"), e.nodeErrorCode());
        assertEquals(3, e.nodeFailures().size());
    }

    @Test
    void executeJs_sessionSigMissingForANode_isInvalidArgumentAndSendsNothing() {
        Map<String, SessionSig> two = sigs.byNodeUrl().entrySet().stream().limit(2)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        LitClientException e = assertThrows(LitClientException.class,
                () -> client.executeJs(request().sessionSigs(new SessionSigs(two)).build()));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        assertEquals("could not find session sig for node " + net.node(2).url(), e.getMessage());
        net.nodes().forEach(n -> assertEquals(List.of(), n.requests("/web/execute/v1")));
    }

    @Test
    void executeJs_expiredSessionSigs_areInvalidSessionSigsAndSendNothing() {
        clock.advance(Duration.ofHours(25));
        LitClientException e = assertThrows(LitClientException.class, () -> client.executeJs(request().build()));
        assertEquals(LitErrorCode.InvalidSessionSigs, e.code());
        assertTrue(e.getMessage().contains("expired at"), e.getMessage());
        net.nodes().forEach(n -> assertEquals(List.of(), n.requests("/web/execute/v1")));
    }

    @Test
    void executeJs_sessionSigsSwappedBetweenNodes_areInvalidSessionSigs() {
        SessionSig first = sigs.forNode(net.node(0).url()).orElseThrow();
        Map<String, SessionSig> swapped = new java.util.LinkedHashMap<>(sigs.byNodeUrl());
        swapped.put(net.node(1).url(), first);
        LitClientException e = assertThrows(LitClientException.class,
                () -> client.executeJs(request().sessionSigs(new SessionSigs(swapped)).build()));
        assertEquals(LitErrorCode.InvalidSessionSigs, e.code());
        assertEquals("session sig for " + net.node(1).url() + " is addressed to node " + net.node(0).url(),
                e.getMessage());
    }

    @Test
    void executeJs_useSingleNode_contactsOneNode() {
        ExecuteJsResult r = client.executeJs(request().useSingleNode(true).build());
        assertEquals(1, r.perNode().size());
        assertEquals(1, net.nodes().stream().mapToInt(n -> n.requests("/web/execute/v1").size()).sum());
    }

    @Test
    void executeJs_ipfsId_isSentInsteadOfCode() {
        client.executeJs(ExecuteJsRequest.builder().ipfsId(FakeLitNetwork.ACTION_CID).sessionSigs(sigs).build());
        JsonValue.JsonObject body = net.node(0).requests("/web/execute/v1").get(0).json();
        assertEquals(List.of("ipfsId", "authSig", "epoch"), List.copyOf(body.members().keySet()));
    }

    @Test
    void executeJs_nodeDown_isNetworkErrorNamingIt() {
        net.close();
        LitClientException e = assertThrows(LitClientException.class, () -> client.executeJs(request().build()));
        assertEquals(LitErrorCode.NetworkError, e.code());
        assertEquals(3, e.nodeFailures().size());
        assertTrue(e.nodeFailures().stream().allMatch(NodeFailure::unreachable));
    }
}
