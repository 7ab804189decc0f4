package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.ExecuteJsRequest;
import io.litj.client.ExecuteJsResult;
import io.litj.client.FileSessionStore;
import io.litj.client.LitClient;
import io.litj.client.LitClientException;
import io.litj.client.SessionRequest;
import io.litj.client.SessionTerms;
import io.litj.node.actions.IpfsCid;
import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import io.litj.protocol.auth.SessionSigPayload;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.testing.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java SDK against a real 3-node devnet: connect from the chain view or from node URLs, wallet sessions, a
 * Lit Action on every node, the file store re-using a grant across clients without a second wallet signature, and
 * re-signing when the grant expires or new resources are asked for.
 */
class JavaSdkAgainstDevnetTest {
    private static final String ACTION = "LitActions.setResponse({response: JSON.stringify({hi: who, n: nums.length})});"
            + " console.log('ran for', who);";
    private static final List<ResourceAbilityRequest> ANY_ACTION = List.of(
            ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION));
    private static final MutableClock CLOCK = new MutableClock(Instant.now());
    @AutoClose
    private static Devnet devnet;
    private static Path storeDir;

    @TempDir
    static Path temp;

    @BeforeAll
    static void startDevnet() throws IOException {
        storeDir = Files.createDirectories(temp.resolve("sessions"));
        devnet = Devnet.start(DevnetConfig.defaults(temp.resolve("devnet")).withPorts(0, 0), CLOCK,
                new SecureRandom());
    }

    private static LitClient client() {
        LitClient c = LitClient.builder().rpcUrl(URI.create(devnet.rpcUrl())).clock(CLOCK)
                .sessionStore(new FileSessionStore(storeDir)).build();
        c.connect();
        return c;
    }

    private static JsonValue.JsonObject params() {
        return JsonValue.object().put("who", "java").put("nums", new JsonValue.JsonArray(List.of(
                new JsonValue.JsonNumber(1), new JsonValue.JsonNumber(2)))).build();
    }

    private static SessionSigs session(LitClient c, CountingSigner wallet, List<ResourceAbilityRequest> requests) {
        return c.getSessionSigs(SessionRequest.of(SessionTerms.of(requests), wallet));
    }

    private static CountingSigner newWallet() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new CountingSigner(PrivateKeyEthSigner.fromBytes(key), new AtomicInteger());
    }

    @Test
    void connect_fromTheChainView_findsEveryNodeAndTheThreshold() {
        try (LitClient c = client()) {
            assertEquals(devnet.nodeUrls(), c.nodeUrls());
            assertEquals(2, c.minNodeCount());
            assertTrue(c.latestBlockhash().matches("0x[0-9a-f]{64}"));
        }
    }

    @Test
    void connect_fromExplicitNodeUrls_works() {
        try (LitClient c = LitClient.builder().nodeUrls(devnet.nodeUrls()).clock(CLOCK).build()) {
            c.connect();
            assertEquals(3, c.nodeUrls().size());
        }
    }

    @Test
    void executeJs_withAWalletSession_runsOnEveryNode() {
        CountingSigner wallet = newWallet();
        try (LitClient c = client()) {
            SessionSigs sigs = session(c, wallet, ANY_ACTION);
            assertEquals(devnet.nodeUrls(), List.copyOf(sigs.byNodeUrl().keySet()));
            sigs.byNodeUrl().forEach((url, sig) -> assertEquals(url, SessionSigPayload.parse(sig.signedMessage())
                    .nodeAddress()));
            ExecuteJsResult r = c.executeJs(ExecuteJsRequest.builder().code(ACTION).jsParams(params())
                    .sessionSigs(sigs).build());
            assertEquals("{\"hi\":\"java\",\"n\":2}", r.response());
            assertEquals("ran for java\n", r.logs());
            assertEquals(3, r.perNode().size());
        }
    }

    @Test
    void store_secondSessionInANewClient_reusesTheGrantWithoutASignature() {
        CountingSigner wallet = newWallet();
        try (LitClient first = client()) {
            session(first, wallet, ANY_ACTION);
        }
        try (LitClient second = client()) {
            SessionSigs again = session(second, wallet, ANY_ACTION);
            assertEquals(1, wallet.count().get());
            second.executeJs(ExecuteJsRequest.builder().code(ACTION).jsParams(params()).sessionSigs(again).build());
        }
    }

    @Test
    void store_newResourcesAsked_signsAgain() {
        CountingSigner wallet = newWallet();
        try (LitClient c = client()) {
            session(c, wallet, ANY_ACTION);
            session(c, wallet, List.of(ANY_ACTION.get(0),
                    ResourceAbilityRequest.of(LitResource.pkp("*"), LitAbility.PKP_SIGNING)));
            assertEquals(2, wallet.count().get());
        }
    }

    @Test
    void store_grantExpired_signsAgainAndTheNewSessionWorks() {
        CountingSigner wallet = newWallet();
        try (LitClient c = client()) {
            session(c, wallet, ANY_ACTION);
            CLOCK.advance(Duration.ofHours(25));
            SessionSigs renewed = session(c, wallet, ANY_ACTION);
            assertEquals(2, wallet.count().get());
            ExecuteJsResult r = c.executeJs(ExecuteJsRequest.builder().code(ACTION).jsParams(params())
                    .sessionSigs(renewed).build());
            assertEquals("{\"hi\":\"java\",\"n\":2}", r.response());
        }
    }

    @Test
    void executeJs_sessionScopedToAnotherActionsCid_isRefusedWithItsCode() {
        CountingSigner wallet = newWallet();
        String other = "LitActions.setResponse({response: 'other'});";
        String otherCid = IpfsCid.v0(other.getBytes(StandardCharsets.UTF_8));
        try (LitClient c = client()) {
            SessionSigs narrow = session(c, wallet, List.of(
                    ResourceAbilityRequest.of(LitResource.action(otherCid), LitAbility.LIT_ACTION_EXECUTION)));
            LitClientException e = assertThrows(LitClientException.class, () -> c.executeJs(ExecuteJsRequest.builder()
                    .code(ACTION).jsParams(params()).sessionSigs(narrow).build()));
            assertEquals("NodeResourceIdNotFound", e.nodeErrorCode().orElseThrow());
            assertEquals(3, e.nodeFailures().size());
            assertEquals("other", c.executeJs(ExecuteJsRequest.builder().code(other).sessionSigs(narrow).build())
                    .response());
        }
    }
}
