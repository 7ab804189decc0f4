package io.litj.cli.interop;

import static io.litj.protocol.testing.JsonAccess.array;
import static io.litj.protocol.testing.JsonAccess.bool;
import static io.litj.protocol.testing.JsonAccess.object;
import static io.litj.protocol.testing.JsonAccess.string;
import static io.litj.protocol.testing.JsonAccess.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.client.ExecuteJsRequest;
import io.litj.client.ExecuteJsResult;
import io.litj.client.LitClient;
import io.litj.client.LitClientException;
import io.litj.client.SessionRequest;
import io.litj.client.SessionTerms;
import io.litj.devnet.TlsNetwork;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.PrivateKeyEthSigner;
import io.litj.protocol.json.JsonReader;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.resource.LitAbility;
import io.litj.protocol.resource.LitResource;
import io.litj.protocol.resource.ResourceAbilityRequest;
import io.litj.protocol.testing.NodeJs;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 3-node network where node 0 is registered at 127.0.0.1:443 and serves https itself with a test CA's certificate
 * ({@link TlsNetwork}; its network key DKG already ran over https to node 0): the Java SDK trusting the CA connects
 * to all three and runs a Lit Action on each; without the CA node 0 is refused with a TLS error; the unmodified JS SDK
 * 7.4.0, given only {@code rpcUrl} and the CA through {@code NODE_EXTRA_CA_CERTS}, chooses https for :443 by itself,
 * connects and runs executeJs with a wallet session.
 */
class TlsNodeNetworkTest {
    private static final String USER_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    private static final String TLS_NODE = "https://127.0.0.1:443";
    private static final List<ResourceAbilityRequest> ANY_ACTION = List.of(
            ResourceAbilityRequest.of(LitResource.action("*"), LitAbility.LIT_ACTION_EXECUTION));

    @TempDir
    static Path dir;
    @AutoClose
    static TlsNetwork network;

    @BeforeAll
    static void start() {
        network = TlsNetwork.start(dir, Clock.systemUTC());
    }

    @Test
    void registry_listsNode0AsHttps_andTheOthersAsHttp() {
        List<String> urls = network.nodeUrls();
        assertEquals(TLS_NODE, urls.get(0));
        assertTrue(urls.get(1).startsWith("http://127.0.0.1:") && urls.get(2).startsWith("http://127.0.0.1:"), urls
                .toString());
    }

    @Test
    void javaSdk_trustingTheCa_connectsToAllThree_andRunsALitActionOnEach() {
        try (LitClient c = LitClient.builder().rpcUrl(URI.create(network.rpcUrl()))
                .trustedCertificates(List.of(network.ca().certificate())).build()) {
            c.connect();
            assertEquals(network.nodeUrls(), c.nodeUrls());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            SessionSigs sigs = c.getSessionSigs(SessionRequest.of(SessionTerms.of(ANY_ACTION),
                    PrivateKeyEthSigner.fromBytes(key)));
            assertTrue(sigs.byNodeUrl().containsKey(TLS_NODE), sigs.byNodeUrl().keySet().toString());
            ExecuteJsResult r = c.executeJs(ExecuteJsRequest.builder()
                    .code("LitActions.setResponse({response: 'over ' + how});")
                    .jsParams(JsonValue.object().put("how", "tls").build()).sessionSigs(sigs).build());
            assertEquals("over tls", r.response());
            assertEquals(3, r.perNode().size());
        }
    }

    @Test
    void javaSdk_withoutTheCa_isRefusedByNode0WithATlsError() {
        try (LitClient c = LitClient.builder().nodeUrls(List.of(TLS_NODE)).build()) {
            LitClientException e = assertThrows(LitClientException.class, c::connect);
            assertTrue(e.getMessage().contains("TLS handshake failed"), e.getMessage());
        }
        try (LitClient c = LitClient.builder().rpcUrl(URI.create(network.rpcUrl())).build()) {
            c.connect(); // two of three agree: enough for the threshold, without node 0
            assertEquals(network.nodeUrls().subList(1, 3), c.nodeUrls());
        }
    }

    @Test
    void trustedCertificates_empty_isRefused() {
        LitClientException e = assertThrows(LitClientException.class,
                () -> LitClient.builder().trustedCertificates(List.of()));
        assertEquals(LitErrorCode.InvalidArgument, e.code());
    }

    @Test
    void jsSdk_withTheCaInNodeExtraCaCerts_connectsOverHttps_andRunsExecuteJs() {
        String out = NodeJs.runScriptWithEnv(Map.of("NODE_EXTRA_CA_CERTS", network.caFile().toString()),
                "anvil-flows.mjs", "--rpc-url", network.rpcUrl(), "--block-hash-url", network.blockHashUrl(),
                "--user-key", USER_KEY);
        JsonValue.JsonObject doc = (JsonValue.JsonObject) JsonReader.parse(out, LitErrorCode.InvalidArgument, "doc");
        JsonValue.JsonObject flows = object(doc, "flows");
        JsonValue.JsonObject connect = object(flows, "connect");
        assertTrue(bool(connect, "ok"), out);
        assertEquals(network.nodeUrls().stream().sorted().toList(),
                strings(connect, "connectedNodes").stream().sorted().toList(), out);
        JsonValue.JsonObject execute = object(flows, "executeJs");
        assertTrue(bool(execute, "ok"), out);
        assertEquals("{\"chain\":\"anvil\",\"n\":3}", string(execute, "response"), out);
        assertTrue(array(object(doc, "networkGuard"), "refused").isEmpty(), out);
    }
}
