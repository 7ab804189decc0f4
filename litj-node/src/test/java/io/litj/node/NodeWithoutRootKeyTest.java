package io.litj.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.node.keys.KeyShareStore;
import io.litj.node.testing.ExecuteBodies;
import io.litj.node.testing.LiveSessions;
import io.litj.node.testing.NodeNetwork;
import io.litj.node.testing.NodeHttp.Reply;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.AuthSig;
import io.litj.protocol.auth.AuthSigs;
import io.litj.protocol.auth.LitSiweBuilder;
import io.litj.protocol.auth.SessionSigIssuer;
import io.litj.protocol.json.JsonValue;
import io.litj.protocol.testing.MutableClock;
import io.litj.protocol.testing.TestCapabilities;
import io.litj.protocol.testing.TestSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that has no share of the network BLS key (its DKG never ran or its key file is gone) and receives a
 * session sig whose capability is network-signed ({@code lit.bls}): it refuses with a code and the capability's
 * reason in the details ({@code NodeBLSRootKeyNotFound}), as for any other unusable capability — not a 500 with a
 * logged stack (issue 8). Node 1 of a two-node network is restarted without its {@code bls-root.json}.
 */
class NodeWithoutRootKeyTest {
    private static final MutableClock CLOCK = new MutableClock(TestSessions.NOW);

    @TempDir
    static Path dir;

    private static NodeNetwork net;
    private static LitNode keyless;

    @BeforeAll
    static void startDevnetWithAKeylessNode() throws IOException {
        net = NodeNetwork.start(dir, 2, CLOCK);
        net.stopNode(1);
        Files.delete(net.nodeDir(1).resolve(KeyShareStore.KEYS_DIR).resolve(KeyShareStore.ROOT_FILE));
        keyless = LitNode.builder(net.nodeConfig(1, NodeConfig.DEFAULT_MAX_BODY_BYTES)).registry(net.registry())
                .clock(CLOCK).start();
    }

    @AfterAll
    static void stopDevnet() {
        try {
            if (keyless != null) {
                keyless.close();
            }
        } finally {
            if (net != null) {
                net.close();
            }
        }
    }

    private static AuthSig sessionWith(List<AuthSig> capabilities, String nodeUrl) {
        return new SessionSigIssuer(CLOCK).issue(TestSessions.SESSION_KEY, LiveSessions.execution("*"), capabilities,
                CLOCK.instant().plus(Duration.ofHours(1)), List.of(nodeUrl)).forNode(nodeUrl).orElseThrow()
                .toAuthSig();
    }

    private static Reply execute(AuthSig sessionSig) {
        return net.http().post(keyless.url() + "/web/execute/v1", ExecuteBodies.code(
                "LitActions.setResponse({response: 'ran'});", JsonValue.JsonObject.empty(), sessionSig));
    }

    @Test
    void execute_networkCapabilityOnAKeylessNode_refusedWithTheReasonNot500() {
        Reply r = execute(sessionWith(List.of(TestCapabilities.network(TestCapabilities.popJson(1))),
                keyless.url()));

        assertEquals(404, r.status(), r::toString);
        assertEquals(LitErrorCode.NodeResourceIdNotFound.wireName(), r.errorCode(), r::toString);
        assertTrue(r.details().stream().anyMatch(d -> d.startsWith(
                "capabilities[0] CapabilitySignatureCheck NodeBLSRootKeyNotFound: ")), r::toString);
    }

    @Test
    void execute_keylessNodeWithAWalletCapabilityAfterTheNetworkOne_runsTheAction() {
        AuthSig wallet = new LiveSessions(CLOCK).grant(LiveSessions.execution("*"),
                CLOCK.instant().plus(Duration.ofHours(1)));
        Reply r = execute(sessionWith(List.of(TestCapabilities.network(TestCapabilities.popJson(2)), wallet),
                keyless.url()));

        assertEquals(200, r.status(), r::toString);
        assertEquals("ran", r.string("response"));
    }

    @Test
    void encryptionSign_conditionsMetOnAKeylessNode_refusedWithNodeBLSRootKeyNotFound() {
        String conditions = "[{\"contractAddress\":\"\",\"chain\":\"ethereum\",\"standardContractType\":\"\","
                + "\"method\":\"\",\"parameters\":[\":userAddress\"],\"returnValueTest\":{\"comparator\":\"=\","
                + "\"value\":\"" + TestSessions.WALLET.address().toChecksumString() + "\"}}]";
        AuthSig wallet = AuthSigs.generate(TestSessions.WALLET, LitSiweBuilder.create(TestSessions.WALLET.address(),
                LiveSessions.NONCE).clock(CLOCK).expiration(CLOCK.instant().plus(Duration.ofMinutes(10))).build());
        Reply r = net.http().post(keyless.url() + "/web/encryption/sign", "{\"accessControlConditions\":"
                + conditions + ",\"dataToEncryptHash\":\"" + "ab".repeat(32) + "\",\"authSig\":"
                + wallet.toJsonString() + "}");

        assertEquals(500, r.status(), r::toString);
        assertEquals(LitErrorCode.NodeBLSRootKeyNotFound.wireName(), r.errorCode(), r::toString);
    }
}
