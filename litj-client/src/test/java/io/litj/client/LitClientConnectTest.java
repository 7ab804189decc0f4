package io.litj.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.testing.FakeLitNetwork;
import io.litj.client.testing.FakeLitNetwork.HandshakeMode;
import io.litj.client.testing.FakeLitNetwork.Recorded;
import io.litj.protocol.testing.MutableClock;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.TestSessions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code connect()} against a fake Lit network of real HTTP servers on 127.0.0.1. */
class LitClientConnectTest {
    private final MutableClock clock = new MutableClock(TestSessions.NOW);
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private FakeLitNetwork network(int nodes) {
        FakeLitNetwork n = FakeLitNetwork.start(nodes, clock);
        open.add(n);
        return n;
    }

    private LitClient.Builder builder() {
        return LitClient.builder().clock(clock).connectTimeout(Duration.ofSeconds(5));
    }

    private LitClient track(LitClient c) {
        open.add(0, c);
        return c;
    }

    @Test
    void connect_throughTheStakingContract_handshakesEveryNodeLikeTheJsSdk() {
        FakeLitNetwork net = network(3);
        LitClient c = track(builder().rpcUrl(net.rpcUrl()).build());
        c.connect();
        assertTrue(c.connected());
        assertEquals(net.nodeUrls(), c.nodeUrls());
        assertEquals(2, c.minNodeCount());
        assertEquals(FakeLitNetwork.EPOCH, c.epoch());
        assertEquals(Optional.of(FakeLitNetwork.NETWORK_KEY), c.networkPublicKey());
        assertEquals(net.blockhash(), c.latestBlockhash());

        List<Recorded> rpc = net.chainRequests();
        assertEquals(List.of("eth_chainId", "eth_call"), rpc.stream()
                .map(r -> ((JsonValue.JsonString) r.json().get("method").orElseThrow()).value()).toList());
        assertTrue(rpc.get(1).body().contains("{\"to\":\"0xd4507cd392af2c80919219d7896508728f6a623f\","
                + "\"data\":\"0xc51d020e\"},\"latest\""), rpc.get(1).body());

        Set<String> requestIds = net.nodes().stream().map(n -> n.requests("/web/handshake/").get(0))
                .map(r -> r.headers().get("x-request-id")).collect(Collectors.toSet());
        assertEquals(1, requestIds.size(), "one request id for the whole connect");
        assertTrue(requestIds.iterator().next().matches("lit_[0-9a-f]{13}"));
        Recorded handshake = net.node(0).requests("/web/handshake/").get(0);
        assertEquals("POST", handshake.method());
        assertEquals("application/json", handshake.headers().get("content-type"));
        assertEquals("application/json", handshake.headers().get("accept"));
        assertEquals("7.4.0-litj", handshake.headers().get("x-lit-sdk-version"));
        assertEquals("Java", handshake.headers().get("x-lit-sdk-type"));
        assertTrue(handshake.body().matches("\\{\"clientPublicKey\":\"test\",\"challenge\":\"[0-9a-f]{64}\","
                + "\"epoch\":7}"), handshake.body());
    }

    @Test
    void connect_oneNodeDisagrees_connectsToTheAgreeingMajority() {
        FakeLitNetwork net = network(3);
        net.node(2).handshake(HandshakeMode.OTHER_KEY);
        LitClient c = track(builder().rpcUrl(net.rpcUrl()).build());
        c.connect();
        assertEquals(net.nodeUrls().subList(0, 2), c.nodeUrls());
        assertEquals(Optional.of(FakeLitNetwork.NETWORK_KEY), c.networkPublicKey());
    }

    @Test
    void connect_tooFewAgree_failsNamingTheDisagreeingNodes() {
        FakeLitNetwork net = network(3);
        net.node(1).handshake(HandshakeMode.OTHER_KEY);
        LitClient c = track(builder().nodeUrls(net.nodeUrls()).build());
        LitClientException e = assertThrows(LitClientException.class, c::connect);
        assertEquals(LitErrorCode.InitError, e.code());
        assertTrue(e.getMessage().contains("2 of 3 nodes answered the handshake and agree, 3 required"),
                e.getMessage());
        assertTrue(e.getMessage().contains(net.node(1).url() + ": HTTP 200 disagrees with the majority:"
                + " networkPublicKey"), e.getMessage());
        assertFalse(c.connected());
    }

    @Test
    void connect_unreachableNode_failsNamingIt() {
        FakeLitNetwork net = network(2);
        String down = FakeLitNetwork.unreachableUrl();
        List<String> urls = List.of(net.node(0).url(), down, net.node(1).url());
        LitClient c = track(builder().nodeUrls(urls).build());
        LitClientException e = assertThrows(LitClientException.class, c::connect);
        assertEquals(LitErrorCode.NetworkError, e.code());
        assertEquals(List.of(down), e.nodeFailures().stream().map(NodeFailure::nodeUrl).toList());
        assertTrue(e.getMessage().contains(down + ": could not connect"), e.getMessage());
    }

    @Test
    void connect_unreachableNodeButEnoughOthers_connectsWithoutIt() {
        FakeLitNetwork net = network(2);
        String down = FakeLitNetwork.unreachableUrl();
        net.alsoListInStaking(List.of(down));
        LitClient c = track(builder().rpcUrl(net.rpcUrl()).build());
        c.connect();
        assertEquals(net.nodeUrls(), c.nodeUrls());
    }

    @Test
    void connect_nodeNeverAnswers_failsWithTimeoutNamingIt() {
        FakeLitNetwork net = network(2);
        net.node(1).handshake(HandshakeMode.HANG);
        LitClient c = track(builder().nodeUrls(net.nodeUrls()).connectTimeout(Duration.ofMillis(400)).build());
        LitClientException e = assertThrows(LitClientException.class, c::connect);
        assertEquals(LitErrorCode.NetworkError, e.code());
        assertTrue(e.getMessage().contains(net.node(1).url() + ": no answer within 400 ms"), e.getMessage());
    }

    @Test
    void connect_nodeAnswersWithError_failsWithItsErrorCode() {
        FakeLitNetwork net = network(2);
        net.node(0).handshake(HandshakeMode.ERROR);
        LitClient c = track(builder().nodeUrls(net.nodeUrls()).build());
        LitClientException e = assertThrows(LitClientException.class, c::connect);
        assertEquals(LitErrorCode.NodeError, e.code());
        assertEquals(Optional.of("NodeSystemFault"), e.nodeErrorCode());
        NodeFailure f = e.nodeFailures().get(0);
        assertEquals(500, f.httpStatus());
        assertEquals("boom (correlationId lit_test)", f.message());
        assertEquals(List.of("detail of boom"), f.details());
    }

    @Test
    void connect_noBlockhash_isInvalidEthBlockhash() {
        FakeLitNetwork net = network(2);
        net.nodes().forEach(n -> n.handshake(HandshakeMode.NO_BLOCKHASH));
        LitClient c = track(builder().nodeUrls(net.nodeUrls()).build());
        assertEquals(LitErrorCode.InvalidEthBlockhash, assertThrows(LitClientException.class, c::connect).code());
    }

    @Test
    void connect_minNodeCountLowerThanNodes_toleratesOneBadNode() {
        FakeLitNetwork net = network(3);
        net.node(0).handshake(HandshakeMode.ERROR);
        LitClient c = track(builder().nodeUrls(net.nodeUrls()).minNodeCount(2).build());
        c.connect();
        assertEquals(net.nodeUrls().subList(1, 3), c.nodeUrls());
    }

    @Test
    void latestBlockhash_olderThan30Seconds_isRefreshedFromTheBlockService() {
        FakeLitNetwork net = network(1);
        LitClient c = track(builder().rpcUrl(net.rpcUrl()).build());
        c.connect();
        net.blockhash("0x" + "12".repeat(32));
        clock.advance(Duration.ofSeconds(31));
        assertEquals("0x" + "12".repeat(32), c.latestBlockhash());
        assertEquals(1, net.blockRequests());
    }

    @Test
    void accessors_beforeConnectOrAfterClose_areClientNotReady() {
        FakeLitNetwork net = network(1);
        LitClient c = track(builder().nodeUrls(net.nodeUrls()).build());
        assertEquals(LitErrorCode.ClientNotReady, assertThrows(LitClientException.class, c::nodeUrls).code());
        c.connect();
        c.close();
        assertFalse(c.connected());
        assertEquals(LitErrorCode.ClientNotReady, assertThrows(LitClientException.class, c::epoch).code());
        assertEquals(LitErrorCode.ClientNotReady, assertThrows(LitClientException.class, c::connect).code());
    }

    @Test
    void build_plainHttpToRemoteNodes_isRefusedUnlessAllowed() {
        LitClientException e = assertThrows(LitClientException.class,
                () -> LitClient.builder().nodeUrls(List.of("http://10.1.2.3:7470")).build());
        assertEquals(LitErrorCode.InvalidArgument, e.code());
        LitClient ok = track(LitClient.builder().nodeUrls(List.of("http://10.1.2.3:7470")).allowPlainHttp().build());
        assertFalse(ok.connected());
        assertThrows(LitClientException.class,
                () -> LitClient.builder().rpcUrl(URI.create("http://rpc.example.org:8545")).build());
    }

    @Test
    void build_conflictingOrMissingConfiguration_isInvalidArgument() {
        assertThrows(LitClientException.class, () -> LitClient.builder().build());
        assertThrows(LitClientException.class, () -> LitClient.builder().rpcUrl(URI.create("http://127.0.0.1:1"))
                .nodeUrls(List.of("http://127.0.0.1:2")).build());
        assertThrows(LitClientException.class, () -> LitClient.builder()
                .nodeUrls(List.of("http://127.0.0.1:2")).minNodeCount(2).build());
        assertThrows(LitClientException.class, () -> LitClient.builder()
                .nodeUrls(List.of("http://127.0.0.1:2")).requestTimeout(Duration.ofHours(1)).build());
    }
}
