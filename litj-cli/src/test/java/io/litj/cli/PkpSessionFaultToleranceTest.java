package io.litj.cli;

import static io.litj.cli.PkpSessionFixture.SIGN_SESSION_KEY_PATH;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.litj.cli.PkpSessionFixture.CountingTransport;
import io.litj.client.ExecuteJsRequest;
import io.litj.client.ExecuteJsResult;
import io.litj.client.LitClient;
import io.litj.devnet.Devnet;
import io.litj.devnet.DevnetConfig;
import io.litj.node.registry.NetworkInfo;
import io.litj.node.registry.Pkp;
import io.litj.protocol.auth.SessionSigs;
import io.litj.threshold.bls.BlsPublicKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * PKP sessions on a 5-node devnet (threshold 3) while nodes go down and come back: with two nodes stopped a new
 * client connects to the three that answer and gets a network-signed grant from exactly their shares; the stopped
 * nodes restart from their data folders with the same network key share, and then take part in a grant signed
 * without the two nodes that never stopped.
 */
class PkpSessionFaultToleranceTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final String ACTION = "Lit.Actions.setResponse({ response: 'ran with ' + Lit.Auth"
            + ".authMethodContexts.length + ' auth method' });";

    @TempDir
    Path temp;

    private Devnet devnet;

    @AfterEach
    void stopDevnet() {
        if (devnet != null) {
            devnet.close();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void getPkpSessionSigs_twoOfFiveNodesDownThenRestarted_succeedsWithAnyThreeNodesIncludingTheRestartedOnes() {
        devnet = Devnet.start(DevnetConfig.defaults(temp.resolve("devnet")).withNodes(5).withPorts(0, 0), CLOCK,
                new SecureRandom());
        assertEquals(3, NetworkInfo.thresholdFor(5));
        BlsPublicKey networkKey = devnet.networkPublicKey().orElseThrow();
        Pkp pkp = PkpSessionFixture.mintPkp(devnet);
        List<String> urls = devnet.nodeUrls();

        try (CountingTransport transport = new CountingTransport()) {
            // 1. nodes 3 and 4 down: the three live nodes are enough
            devnet.stopNode(3);
            devnet.stopNode(4);
            assertGrantFrom(urls.subList(0, 3), pkp, networkKey, transport);

            // 2. nodes 3 and 4 restarted from their folders: their handshakes report the same network key
            devnet.restartNode(3);
            devnet.restartNode(4);
            try (LitClient restarted = LitClient.builder().nodeUrls(urls.subList(3, 5)).minNodeCount(2)
                    .transport(transport).clock(CLOCK).connectTimeout(Duration.ofSeconds(5)).build()) {
                restarted.connect();
                assertEquals(urls.subList(3, 5), restarted.nodeUrls());
                assertEquals(networkKey.toHex(), restarted.networkPublicKey().orElseThrow());
            }
            assertGrantFrom(urls, pkp, networkKey, transport);

            // 3. nodes 0 and 1 down: the grant needs the shares of the restarted nodes 3 and 4
            devnet.stopNode(0);
            devnet.stopNode(1);
            assertGrantFrom(urls.subList(2, 5), pkp, networkKey, transport);
        }
    }

    /**
     * A new client (it must find exactly {@code live} answering) gets PKP session sigs from one sign_session_key
     * round on those nodes, the grant verifies under the network key, and the session runs an action on them.
     */
    private void assertGrantFrom(List<String> live, Pkp pkp, BlsPublicKey networkKey, CountingTransport transport) {
        try (LitClient client = PkpSessionFixture.connect(devnet, transport, CLOCK)) {
            assertEquals(live, client.nodeUrls());
            assertEquals(3, client.minNodeCount());
            assertEquals(networkKey.toHex(), client.networkPublicKey().orElseThrow());
            int before = transport.count(SIGN_SESSION_KEY_PATH);

            SessionSigs sigs = client.getPkpSessionSigs(PkpSessionFixture.walletRequest(client, pkp,
                    PkpSessionFixture.WALLET, CLOCK));

            assertEquals(live.size(), transport.count(SIGN_SESSION_KEY_PATH) - before, "one request per live node");
            assertEquals(live, List.copyOf(sigs.byNodeUrl().keySet()));
            assertDoesNotThrow(() -> PkpSessionFixture.verifyUnder(networkKey, PkpSessionFixture.grant(sigs)));
            ExecuteJsResult result = client.executeJs(ExecuteJsRequest.builder().code(ACTION).sessionSigs(sigs)
                    .build());
            assertEquals("ran with 1 auth method", result.response());
            assertEquals(live, List.copyOf(result.perNode().keySet()));
        }
    }
}
