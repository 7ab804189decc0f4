package io.litj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.litj.cli.PkpSessionFixture.CountingTransport;
import io.litj.client.LitClient;
import io.litj.client.LitClientException;
import io.litj.client.NodeFailure;
import io.litj.client.PkpSignRequest;
import io.litj.client.SessionRequest;
import io.litj.client.SessionTerms;
import io.litj.devnet.Devnet;
import io.litj.node.registry.Pkp;
import io.litj.protocol.LitErrorCode;
import io.litj.protocol.auth.SessionSigs;
import io.litj.protocol.crypto.Hashes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real 3-node devnet (threshold 2) with one node made to send wrong signature shares ({@link WrongShareScheme}):
 * {@code LitClient.pkpSign} names exactly that node's URL, whichever node it is and whichever other node shares the
 * signing set with it (the set follows the request id, so every position comes up within a few requests).
 */
class PkpSignCheatingNodeTest {
    private static final Clock CLOCK = Clock.systemUTC();
    /** Requests tried per cheating node; it is in the set of a request with probability 2/3. */
    private static final int MAX_TRIES = 24;

    @TempDir
    static Path temp;

    @AutoClose
    private static Devnet devnet;
    private static Pkp pkp;

    @BeforeAll
    static void startDevnetAndMintPkp() {
        devnet = TestDevnets.start(temp.resolve("devnet"));
        pkp = PkpSignFixture.mintPkp(devnet);
    }

    @Test
    void pkpSign_aNodeSendingWrongShares_isNamedByItsUrl_forEveryNodeAndEveryPartner() {
        String key = "0x" + pkp.publicKey();
        for (int cheater = 0; cheater < 3; cheater++) {
            devnet.stopNode(cheater);
            devnet.restartNode(cheater, b -> b.ecdsaScheme(new WrongShareScheme()));
            String cheaterUrl = devnet.nodeUrls().get(cheater);
            int caught = 0;
            int signed = 0;
            try (CountingTransport transport = new CountingTransport();
                 LitClient client = PkpSessionFixture.connect(devnet, transport, CLOCK)) {
                SessionSigs sigs = client.getSessionSigs(SessionRequest.of(SessionTerms.of(
                        PkpSignRequest.sessionResources(key)), PkpSignFixture.SIGNER));
                for (int i = 0; i < MAX_TRIES && (caught < 4 || signed < 1); i++) {
                    byte[] digest = Hashes.keccak256("cheater " + cheater + " request " + i);
                    try {
                        client.pkpSign(PkpSignRequest.of(digest, key, sigs));
                        signed++;
                    } catch (LitClientException e) {
                        assertEquals(LitErrorCode.InvalidSignature, e.code(), e::getMessage);
                        assertEquals(List.of(cheaterUrl), e.nodeFailures().stream().map(NodeFailure::nodeUrl)
                                .toList(), e::getMessage);
                        assertTrue(e.getMessage().contains("does not match the presignature's public data"),
                                e::getMessage);
                        caught++;
                    }
                }
            }
            assertTrue(caught >= 4, "node " + cheater + " was named " + caught + " times");
            assertTrue(signed >= 1, "sets without node " + cheater + " still sign");
            devnet.stopNode(cheater);
            devnet.restartNode(cheater);
        }
    }
}
